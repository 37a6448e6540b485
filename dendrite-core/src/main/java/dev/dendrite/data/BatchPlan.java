package dev.dendrite.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * One epoch's batches: consecutive runs of {@code batchSize} indices from an ordering of the dataset.
 * With {@code ring > 0} the batches are recycled: batch {@code b} is gathered into the arrays of batch
 * {@code b - ring} when that one had the same size, so whoever makes the batches must not run more than
 * {@code ring - 1} batches ahead of a consumer that is done with each batch once it takes the next.
 */
record BatchPlan(Dataset dataset, int[] order, int batchSize, int batches, int ring) implements Iterable<Batch> {

    /** Gathers batch number {@code b} into new arrays. */
    Batch batch(int b) {
        return dataset.batch(indices(b));
    }

    /** Gathers batch number {@code b} into {@code reuse}'s arrays if it has the same size (null: new arrays). */
    Batch batch(int b, Batch reuse) {
        int[] indices = indices(b);
        if (reuse == null || reuse.size() != indices.length) {
            return dataset.batch(indices);
        }
        return dataset.batch(indices, reuse.features().data(), reuse.targets().data());
    }

    private int[] indices(int b) {
        int from = b * batchSize;
        return Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
    }

    /** Makes the batches in order, recycling every {@code ring}-th one's arrays when {@code ring > 0}. */
    final class Maker {
        private final Batch[] made = new Batch[Math.max(1, ring)];

        /** Batch number {@code b}; call for b = 0, 1, 2, ... in turn. */
        Batch next(int b) {
            if (ring == 0) {
                return batch(b);
            }
            Batch batch = batch(b, made[b % ring]);
            made[b % ring] = batch;
            return batch;
        }
    }

    @Override
    public Iterator<Batch> iterator() {
        Maker maker = new Maker();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the epoch has no more batches");
                }
                return maker.next(next++);
            }
        };
    }
}
