package dev.dendrite.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The daemon threads, one per core, that decode lazily-read examples (image files) in parallel.
 * Separate from the kernels' pool, so decoding the next batch in the background does not queue
 * behind (or block) the math of the current one.
 */
final class DecodePool {

    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(CORES, task -> {
        Thread thread = new Thread(task, "dendrite-decode-" + THREADS.getAndIncrement());
        thread.setDaemon(true);
        return thread;
    });

    private DecodePool() {
    }

    /** The number of cores, the default number of workers. */
    static int cores() {
        return CORES;
    }

    /**
     * Runs {@code body} for every index in {@code [0, n)} on up to {@code workers} threads, each taking
     * the next index as it becomes free. When some fail, rethrows the failure of the lowest index, so
     * the error does not depend on timing.
     */
    static void forEach(int n, int workers, IntConsumer body) {
        int threads = Math.min(Math.min(workers, CORES), n);
        RuntimeException[] failures = new RuntimeException[n];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                try {
                    body.accept(i);
                } catch (RuntimeException e) {
                    failures[i] = e;
                }
            }
        };
        if (threads <= 1 || Thread.currentThread().getName().startsWith("dendrite-decode-")) {
            worker.run();
        } else {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 1; t < threads; t++) {
                running.add(POOL.submit(worker));
            }
            worker.run();
            for (Future<?> future : running) {
                await(future);
            }
        }
        for (RuntimeException failure : failures) {
            if (failure != null) {
                throw failure;
            }
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while decoding", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("decoding failed", e.getCause());
        }
    }
}
