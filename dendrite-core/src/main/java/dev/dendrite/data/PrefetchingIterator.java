package dev.dendrite.data;

import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Iterates an epoch's batches while one background thread assembles the next {@code depth} of them.
 *
 * <p>A failure while assembling a batch is rethrown by {@link #next()} at that batch's turn. If the
 * consumer abandons the iteration (a {@code break}), the producer notices once this iterator has been
 * garbage-collected and stops; it never blocks the JVM from exiting.
 */
final class PrefetchingIterator implements Iterator<Batch> {

    private static final long POLL_MILLIS = 200;

    /** What the producer hands over: a batch, or the failure that replaced it. */
    private record Item(Batch batch, Throwable failure) {
    }

    private final BlockingQueue<Item> queue;
    private final int batches;
    private int taken;

    PrefetchingIterator(BatchPlan plan, int depth) {
        this.queue = new ArrayBlockingQueue<>(depth);
        this.batches = plan.batches();
        Thread producer = new Thread(new Producer(plan, queue, new WeakReference<>(this)), "dendrite-prefetch");
        producer.setDaemon(true);
        producer.start();
    }

    @Override
    public boolean hasNext() {
        return taken < batches;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the epoch has no more batches");
        }
        Item item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next batch", e);
        }
        taken++;
        if (item.failure() != null) {
            taken = batches;
            if (item.failure() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) item.failure();
        }
        return item.batch();
    }

    /** Assembles the batches in order and queues them; holds its consumer only weakly. */
    private record Producer(BatchPlan plan, BlockingQueue<Item> queue, WeakReference<PrefetchingIterator> consumer)
            implements Runnable {

        @Override
        public void run() {
            try {
                BatchPlan.Maker maker = plan.new Maker();
                for (int b = 0; b < plan.batches(); b++) {
                    Item item;
                    try {
                        item = new Item(maker.next(b), null);
                    } catch (RuntimeException | Error e) {
                        item = new Item(null, e);
                    }
                    if (!hand(item) || item.failure() != null) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Queues the item; false if the consumer is gone. */
        private boolean hand(Item item) throws InterruptedException {
            while (!queue.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (consumer.get() == null) {
                    return false;
                }
            }
            return true;
        }
    }
}
