package dev.dendrite.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** One epoch's batches: consecutive runs of {@code batchSize} indices from an ordering of the dataset. */
record BatchPlan(Dataset dataset, int[] order, int batchSize, int batches) implements Iterable<Batch> {

    /** Gathers batch number {@code b}. */
    Batch batch(int b) {
        int from = b * batchSize;
        int to = Math.min(order.length, from + batchSize);
        return dataset.batch(Arrays.copyOfRange(order, from, to));
    }

    @Override
    public Iterator<Batch> iterator() {
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
                return batch(next++);
            }
        };
    }
}
