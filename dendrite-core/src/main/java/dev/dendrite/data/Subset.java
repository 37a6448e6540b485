package dev.dendrite.data;

/** The examples of another dataset at the given indices, in that order, without copying them. */
public final class Subset extends DatasetView {

    private final int[] indices;

    /** A view of {@code base} holding its examples {@code indices}; each index must be in range. */
    public Subset(Dataset base, int[] indices) {
        super(base);
        int n = base.size();
        for (int index : indices) {
            if (index < 0 || index >= n) {
                throw new IndexOutOfBoundsException("subset index " + index + " outside a dataset of " + n + " examples");
            }
        }
        this.indices = indices.clone();
    }

    /** The indices into the base dataset. */
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public void features(int index, float[] destination, int offset) {
        base().features(indices[index], destination, offset);
    }

    @Override
    public void target(int index, float[] destination, int offset) {
        base().target(indices[index], destination, offset);
    }

    /** As {@link #batch(int[])}, into the given arrays. */
    @Override
    public Batch batch(int[] batchIndices, float[] features, float[] targets) {
        return base().batch(mapped(batchIndices), features, targets);
    }

    private int[] mapped(int[] batchIndices) {
        int[] mapped = new int[batchIndices.length];
        for (int i = 0; i < mapped.length; i++) {
            mapped[i] = indices[batchIndices[i]];
        }
        return mapped;
    }

    /** Delegates to the base's batch so a lazily-read base still decodes the batch in parallel. */
    @Override
    public Batch batch(int[] batchIndices) {
        return base().batch(mapped(batchIndices));
    }
}
