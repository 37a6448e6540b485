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
    void theCallerRunsTasksNoWorkerHasStartedInsteadOfWaiting() throws Exception {
        int before = Parallel.threads();
        Parallel.setThreads(Parallel.cores());
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger blocked = new AtomicInteger();
        int cores = Parallel.cores();
        // Another caller's tasks hold every worker (and that caller) until released.
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
            while (blocked.get() < cores + 1) {
                Thread.sleep(1);
            }
            AtomicIntegerArray hits = new AtomicIntegerArray(8);
            CompletableFuture<Void> call = CompletableFuture.runAsync(
                    () -> Parallel.forEach(8, hits::incrementAndGet), Executors.newVirtualThreadPerTaskExecutor());
            // With every worker busy, the call completes only if its caller runs the queued tasks itself.
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
}
