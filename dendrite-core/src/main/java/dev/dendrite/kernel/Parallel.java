package dev.dendrite.kernel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The one shared pool of daemon worker threads, sized to the cores, that every parallel kernel uses.
 *
 * <p>Work is split into a number of tasks fixed by the caller (never by thread timing), each task
 * writing its own disjoint part of the output, so results are the same on every run. The calling
 * thread takes part: tasks are claimed one at a time by whichever thread is free, so a worker that
 * starts late (descheduled on a busy machine) leaves its share to the others instead of holding
 * them up. Calls made from inside a task, or while another thread's call holds the pool, run inline.
 *
 * <p>Workers spin for a short while after each call before they park (the property
 * {@code dendrite.parallel.spinMicros}, default 50): a training step or an inference loop issues
 * parallel kernels microseconds apart, and waking a parked thread costs tens of microseconds.
 */
public final class Parallel {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final long SPIN_NANOS = 1_000L * Long.getLong("dendrite.parallel.spinMicros", 50L);

    private static final Worker[] WORKERS = new Worker[CORES - 1];
    private static final AtomicBoolean BUSY = new AtomicBoolean();
    private static volatile Job current;

    private static volatile int threads = CORES;

    static {
        for (int i = 0; i < WORKERS.length; i++) {
            WORKERS[i] = new Worker(i);
            WORKERS[i].start();
        }
    }

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
     * Runs {@code body.accept(i)} for every {@code i} in {@code [0, tasks)}, spread over the pool and
     * the calling thread. Returns when all are done; rethrows the failure of the lowest-numbered
     * failing task (deterministic whatever the timing).
     */
    public static void forEach(int tasks, IntConsumer body) {
        int helpers = Math.min(threads, tasks) - 1;
        if (helpers <= 0 || Thread.currentThread() instanceof Worker || !BUSY.compareAndSet(false, true)) {
            for (int i = 0; i < tasks; i++) {
                body.accept(i);
            }
            return;
        }
        Job job = new Job(body, tasks, helpers, Thread.currentThread());
        try {
            current = job;
            for (int i = 0; i < helpers; i++) {
                WORKERS[i].wake();
            }
            job.work(0);
            job.awaitDone();
        } finally {
            current = null;
            BUSY.set(false);
        }
        job.rethrow();
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

    /**
     * One forEach call: each task is claimed once, by setting its bit in {@code claimed} (tasks 0-63) or
     * its element of {@code claimedMore} (the rest); {@code done} counts finished ones. The claim bits
     * and the count live in the job itself, not in atomic objects of their own, so a worker joining a
     * call misses on fewer cache lines and a call allocates one object: two 0.1 us tasks took 0.41-0.49
     * us a call against 0.48-0.55 with an AtomicIntegerArray and an AtomicInteger (both pools taking
     * turns in one JVM, 2 cores).
     */
    private static final class Job {
        private static final VarHandle CLAIMED;
        private static final VarHandle DONE;
        private static final VarHandle MORE = MethodHandles.arrayElementVarHandle(int[].class);

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                CLAIMED = lookup.findVarHandle(Job.class, "claimed", long.class);
                DONE = lookup.findVarHandle(Job.class, "done", int.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final IntConsumer body;
        private final int tasks;
        private final int helpers;
        private final Thread caller;
        private final int[] claimedMore;
        private volatile long claimed; // read directly, set through CLAIMED
        private volatile int done; // read directly, counted through DONE
        private volatile boolean callerParked;
        private Throwable[] failures; // made on the first failure, under the job's lock

        Job(IntConsumer body, int tasks, int helpers, Thread caller) {
            this.body = body;
            this.tasks = tasks;
            this.helpers = helpers;
            this.caller = caller;
            this.claimedMore = tasks > 64 ? new int[tasks - 64] : null;
        }

        /**
         * Runs task {@code first} if no one has claimed it, then claims and runs any other task left.
         * Each thread starting with its own task (the caller 0, worker w task w + 1) keeps the same
         * part of the data on the same core from call to call when nothing is late, so repeated
         * products over one matrix read each half from that core's own cache.
         */
        void work(int first) {
            if (first < tasks) {
                run(first);
            }
            for (int i = 0; i < tasks; i++) {
                run(i);
            }
        }

        /** Claims task i for this thread; false if another thread has. */
        private boolean claim(int i) {
            if (i >= 64) {
                return (int) MORE.getVolatile(claimedMore, i - 64) == 0
                        && MORE.compareAndSet(claimedMore, i - 64, 0, 1);
            }
            long bit = 1L << i;
            return (claimed & bit) == 0 && ((long) CLAIMED.getAndBitwiseOr(this, bit) & bit) == 0;
        }

        private void run(int i) {
            if (!claim(i)) {
                return;
            }
            try {
                body.accept(i);
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    if (failures == null) {
                        failures = new Throwable[tasks];
                    }
                    failures[i] = e;
                }
            }
            // The increment publishes what the task wrote to whoever reads done.
            if ((int) DONE.getAndAdd(this, 1) + 1 == tasks && callerParked) {
                LockSupport.unpark(caller);
            }
        }

        /** Waits (on the caller) for tasks still running on workers: spins briefly, then parks. */
        void awaitDone() {
            long start = System.nanoTime();
            for (int spins = 1; done < tasks; spins++) {
                if ((spins & 63) == 0 && System.nanoTime() - start > SPIN_NANOS) {
                    callerParked = true;
                    while (done < tasks) {
                        LockSupport.park(this);
                    }
                    callerParked = false;
                    return;
                }
                Thread.onSpinWait();
            }
        }

        /**
         * Rethrows the lowest-numbered failure. Called after every task is done: each worker counted its task
         * in {@code done} after writing {@code failures}, so the caller sees them without the lock.
         */
        void rethrow() {
            if (failures == null) {
                return;
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
    }

    /** A daemon worker: takes part in every job that wants it, spins a little between jobs, then parks. */
    private static final class Worker extends Thread {
        private final int index;
        private volatile boolean parked;
        private Job last;

        Worker(int index) {
            super("dendrite-worker-" + index);
            this.index = index;
            setDaemon(true);
        }

        /** Makes sure the worker sees a newly published job (unparks it if it sleeps). */
        void wake() {
            if (parked) {
                LockSupport.unpark(this);
            }
        }

        @Override
        public void run() {
            while (true) {
                Job job = nextJob();
                last = job;
                if (index < job.helpers) {
                    job.work(index + 1);
                }
            }
        }

        /** The next job not seen yet: spins for SPIN_NANOS, then parks until {@link #wake}. */
        private Job nextJob() {
            long start = System.nanoTime();
            for (int spins = 1; ; spins++) {
                Job job = current;
                if (job != null && job != last) {
                    return job;
                }
                if ((spins & 63) == 0 && System.nanoTime() - start > SPIN_NANOS) {
                    break;
                }
                Thread.onSpinWait();
            }
            // Dekker-style hand-shake with wake(): parked is set before current is re-read, and the
            // caller sets current before it reads parked, so one of the two always sees the other.
            parked = true;
            try {
                for (Job job; ; ) {
                    job = current;
                    if (job != null && job != last) {
                        return job;
                    }
                    LockSupport.park(this);
                }
            } finally {
                parked = false;
            }
        }
    }
}
