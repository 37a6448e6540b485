package dev.dendrite.kernel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntConsumer;

/**
 * The one shared pool of daemon worker threads, sized to the cores, that every parallel kernel uses.
 *
 * <p>Work is split into a number of tasks fixed by the caller (never by thread timing), each task
 * writing its own disjoint part of the output, so results are the same on every run. Calls made
 * from inside a worker run inline: nested parallelism would only add hand-off cost.
 */
public final class Parallel {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final ForkJoinPool POOL = new ForkJoinPool(CORES, pool -> {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setDaemon(true);
        thread.setName("dendrite-worker-" + thread.getPoolIndex());
        return thread;
    }, null, false);

    private static volatile int threads = CORES;

    private static final int UNCLAIMED = 0;
    private static final int BY_WORKER = 1;
    private static final int BY_CALLER = 2;

    private Parallel() {
    }

    /** The number of threads parallel kernels may use (the cores, unless {@link #setThreads} said otherwise). */
    public static int threads() {
        return threads;
    }

    /** Limits parallel kernels to {@code n} threads (1 = everything on the calling thread); at most the cores. */
    public static void setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + n);
        }
        threads = Math.min(n, CORES);
    }

    /** The number of cores the pool was sized to. */
    public static int cores() {
        return CORES;
    }

    /**
     * Runs {@code body.accept(i)} for every {@code i} in {@code [0, tasks)}, spread over the pool; the
     * calling thread runs task 0 itself. Returns when all are done; rethrows the first failure.
     */
    public static void forEach(int tasks, IntConsumer body) {
        if (tasks <= 1 || threads == 1 || Thread.currentThread() instanceof ForkJoinWorkerThread) {
            for (int i = 0; i < tasks; i++) {
                body.accept(i);
            }
            return;
        }
        // Failures are caught inside each task so the caller sees the original exception (a joined
        // ForkJoinTask would rethrow a copy), and the lowest-numbered failing task wins: deterministic.
        Throwable[] failures = new Throwable[tasks];
        // Each task runs once, on whichever thread claims it first: the caller, after its own task,
        // takes back any task no worker has started (all busy, or descheduled on a loaded machine)
        // instead of waiting for a worker to get around to it.
        AtomicIntegerArray claimed = new AtomicIntegerArray(tasks);
        ForkJoinTask<?>[] forked = new ForkJoinTask<?>[tasks - 1];
        for (int i = 1; i < tasks; i++) {
            int task = i;
            forked[i - 1] = POOL.submit(() -> {
                if (claimed.compareAndSet(task, UNCLAIMED, BY_WORKER)) {
                    runCatching(body, task, failures);
                }
            });
        }
        runCatching(body, 0, failures);
        for (int i = 1; i < tasks; i++) {
            if (claimed.compareAndSet(i, UNCLAIMED, BY_CALLER)) {
                runCatching(body, i, failures);
            }
        }
        for (int i = 1; i < tasks; i++) {
            // Only tasks a worker claimed are waited for (join also publishes what they wrote); the
            // queued copies of the others find them claimed and return at once whenever they run.
            if (claimed.get(i) == BY_WORKER) {
                forked[i - 1].join();
            }
        }
        for (Throwable failure : failures) {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
        }
    }

    private static void runCatching(IntConsumer body, int task, Throwable[] failures) {
        try {
            body.accept(task);
        } catch (RuntimeException | Error e) {
            failures[task] = e;
        }
    }

    /** A range body: processes indices {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody {
        /** Processes indices {@code [from, to)}. */
        void run(int from, int to);
    }

    /**
     * Splits {@code [0, n)} into at most {@link #threads()} contiguous, equal parts of at least
     * {@code minPerTask} indices each and runs them in parallel; small ranges run inline.
     */
    public static void forRange(int n, int minPerTask, RangeBody body) {
        int tasks = Math.max(1, Math.min(threads, n / Math.max(1, minPerTask)));
        if (tasks == 1) {
            body.run(0, n);
            return;
        }
        forEach(tasks, t -> body.run((int) ((long) n * t / tasks), (int) ((long) n * (t + 1) / tasks)));
    }
}
