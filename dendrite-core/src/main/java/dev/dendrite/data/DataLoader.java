package dev.dendrite.data;

import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Yields a dataset's examples as mini-batches: batch size, seeded shuffling, drop-last, and
 * background prefetch so the next batches are assembled (and lazily-read examples decoded) while the
 * current one trains.
 *
 * <pre>{@code
 * var loader = DataLoader.of(train).batchSize(128).shuffle(42).dropLast(false).prefetch(2);
 * for (Batch batch : loader.epoch(epoch)) { ... }
 * }</pre>
 *
 * <p>The order of an epoch depends only on the seed and the epoch index, never on thread timing.
 * A loader is immutable: each setter returns a new loader.
 */
public final class DataLoader implements Iterable<Batch> {

    private final Dataset dataset;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final boolean dropLast;
    private final int prefetch;
    private final boolean recycle;
    private final AtomicInteger nextEpoch = new AtomicInteger();

    private DataLoader(Dataset dataset, int batchSize, boolean shuffle, long seed, boolean dropLast, int prefetch,
                       boolean recycle) {
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
        this.dropLast = dropLast;
        this.prefetch = prefetch;
        this.recycle = recycle;
    }

    /** A loader over {@code dataset}: batches of 32 in order, the last one possibly smaller, one batch prefetched. */
    public static DataLoader of(Dataset dataset) {
        return new DataLoader(Objects.requireNonNull(dataset, "dataset"), 32, false, 0, false, 1, false);
    }

    /** Batches of {@code size} examples. */
    public DataLoader batchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + size);
        }
        return new DataLoader(dataset, size, shuffle, seed, dropLast, prefetch, recycle);
    }

    /** Shuffles the examples anew each epoch, in an order fixed by {@code seed} and the epoch index. */
    public DataLoader shuffle(long seed) {
        return new DataLoader(dataset, batchSize, true, seed, dropLast, prefetch, recycle);
    }

    /** Whether to leave out a last batch smaller than the batch size. */
    public DataLoader dropLast(boolean drop) {
        return new DataLoader(dataset, batchSize, shuffle, seed, drop, prefetch, recycle);
    }

    /** How many batches a background thread prepares ahead; 0 assembles each batch on the caller's thread. */
    public DataLoader prefetch(int batches) {
        if (batches < 0) {
            throw new IllegalArgumentException("prefetch must be >= 0, got " + batches);
        }
        return new DataLoader(dataset, batchSize, shuffle, seed, dropLast, batches, recycle);
    }

    /**
     * Whether batches reuse the arrays of earlier ones (default false): the tensors of a batch are then
     * overwritten once the next batch has been taken, so use each batch before asking for the next and
     * copy what you keep. It saves allocating every batch anew, which is what a training loop wants.
     */
    public DataLoader recycle(boolean on) {
        return new DataLoader(dataset, batchSize, shuffle, seed, dropLast, prefetch, on);
    }

    /** The dataset this loader reads. */
    public Dataset dataset() {
        return dataset;
    }

    /** The batch size. */
    public int batchSize() {
        return batchSize;
    }

    /** The number of batches in one epoch. */
    public int batchesPerEpoch() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The example indices of epoch {@code epoch}, in the order they are batched. */
    public int[] order(int epoch) {
        return shuffle
                ? Permutations.shuffled(dataset.size(), Permutations.generator(seed, epoch))
                : Permutations.identity(dataset.size());
    }

    /** The batches of epoch {@code epoch} (0-based); the same epoch always yields the same batches. */
    public Iterable<Batch> epoch(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        return () -> {
            // A consumer holds one batch, the queue up to `prefetch`, the producer fills one more.
            int ring = recycle ? prefetch + 2 : 0;
            BatchPlan plan = new BatchPlan(dataset, order(epoch), batchSize, batchesPerEpoch(), ring);
            return prefetch == 0 ? plan.iterator() : new PrefetchingIterator(plan, prefetch);
        };
    }

    /** The batches of the next epoch: each for-each over the loader itself starts a new epoch (0, 1, 2, ...). */
    @Override
    public Iterator<Batch> iterator() {
        return epoch(nextEpoch.getAndIncrement()).iterator();
    }
}
