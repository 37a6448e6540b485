package dev.dendrite.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {

    @Test
    void forRangeCoversEveryIndexExactlyOnce() {
        for (int n : new int[] {0, 1, 7, 1000, 100_003}) {
            AtomicIntegerArray hits = new AtomicIntegerArray(n);
            Parallel.forRange(n, 10, (from, to) -> {
                for (int i = from; i < to; i++) {
                    hits.incrementAndGet(i);
                }
            });
            for (int i = 0; i < n; i++) {
                assertThat(hits.get(i)).as("index %d of %d", i, n).isEqualTo(1);
            }
        }
    }

    @Test
    void aFailingTaskFailsTheCall() {
        assertThatThrownBy(() -> Parallel.forEach(4, i -> {
            if (i == 2) {
                throw new IllegalStateException("task 2 failed");
            }
        })).hasMessage("task 2 failed");
        assertThatThrownBy(() -> Parallel.forEach(100, i -> {
            if (i == 70 || i == 90) {
                throw new IllegalStateException("task " + i + " failed");
            }
        })).as("the lowest-numbered failure, whichever thread ran it").hasMessage("task 70 failed");
    }

    @Test
    void workersAreDaemonsAndNestedCallsRunInline() {
        int before = Parallel.threads();
        try {
            Parallel.setThreads(Parallel.cores());
            Parallel.forEach(2, i -> {
                if (Thread.currentThread().getName().startsWith("dendrite-worker")) {
                    assertThat(Thread.currentThread().isDaemon()).isTrue();
                    Thread outer = Thread.currentThread();
                    Parallel.forEach(3, j -> assertThat(Thread.currentThread()).isSameAs(outer));
                }
            });
        } finally {
            Parallel.setThreads(before);
        }
        assertThatThrownBy(() -> Parallel.setThreads(0)).hasMessageContaining(">= 1");
    }

    @Test
    void aCallWhileAnotherHoldsThePoolRunsOnItsOwnThread() throws Exception {
        int before = Parallel.threads();
        Parallel.setThreads(Parallel.cores());
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger blocked = new AtomicInteger();
        int cores = Parallel.cores();
        // Another caller's tasks hold the pool (its workers and that caller) until released.
        Thread occupier = new Thread(() -> Parallel.forEach(cores + 1, i -> {
            blocked.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        occupier.setDaemon(true);
        occupier.start();
        try {
            while (blocked.get() < cores) {
                Thread.sleep(1);
            }
            AtomicIntegerArray hits = new AtomicIntegerArray(8);
            CompletableFuture<Void> call = CompletableFuture.runAsync(
                    () -> Parallel.forEach(8, hits::incrementAndGet), Executors.newVirtualThreadPerTaskExecutor());
            // With every worker busy, the call completes only if its caller runs the tasks itself.
            call.get(30, TimeUnit.SECONDS);
            for (int i = 0; i < 8; i++) {
                assertThat(hits.get(i)).as("task %d", i).isEqualTo(1);
            }
        } finally {
            release.countDown();
            occupier.join();
            Parallel.setThreads(before);
        }
    }

    @Test
    void aParkedWorkerWakesAndRunsTasksAlongsideTheCaller() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Parallel.cores() >= 2, "needs two cores");
        int before = Parallel.threads();
        Parallel.setThreads(2);
        try {
            Thread.sleep(50); // long past the spin: the worker is parked
            CountDownLatch started = new CountDownLatch(1);
            String[] names = new String[2];
            boolean[] sawOther = new boolean[1];
            // Task 0 waits for task 1: if the caller takes task 0, only the woken worker can run task 1.
            Parallel.forEach(2, i -> {
                names[i] = Thread.currentThread().getName();
                if (i == 1) {
                    started.countDown();
                    return;
                }
                try {
                    sawOther[0] = started.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(sawOther[0]).as("task 1 ran while task 0 waited").isTrue();
            assertThat(names).as("a worker took part").anyMatch(name -> name.startsWith("dendrite-worker"));
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void manyCallsInARowEachRunEveryTaskOnce() {
        int before = Parallel.threads();
        Parallel.setThreads(Parallel.cores());
        try {
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
                java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
                for (int call = 0; call < 20_000; call++) {
                    // Mostly a few tasks; every tenth call past 64, where claims leave the job's bit mask.
                    int tasks = call % 10 == 0 ? 60 + rnd.nextInt(80) : 1 + rnd.nextInt(9);
                    AtomicIntegerArray hits = new AtomicIntegerArray(tasks);
                    Parallel.forEach(tasks, hits::incrementAndGet);
                    for (int i = 0; i < tasks; i++) {
                        assertThat(hits.get(i)).as("call %d task %d", call, i).isEqualTo(1);
                    }
                    if (call % 1000 == 0) {
                        Thread.sleep(1); // now and then let the workers park, so wake-ups are exercised
                    }
                }
            });
        } finally {
            Parallel.setThreads(before);
        }
    }
}
