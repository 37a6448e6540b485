package dev.dendrite.data;

import dev.dendrite.tensor.Shape;
import java.util.List;
import java.util.Objects;

/** The examples of another dataset at the given indices, in that order, without copying them. */
public final class Subset implements Dataset {

    private final Dataset base;
    private final int[] indices;

    /** A view of {@code base} holding its examples {@code indices}; each index must be in range. */
    public Subset(Dataset base, int[] indices) {
        this.base = Objects.requireNonNull(base, "base");
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

    /** The dataset this subset views. */
    public Dataset base() {
        return base;
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public Shape featureShape() {
        return base.featureShape();
    }

    @Override
    public Shape targetShape() {
        return base.targetShape();
    }

    @Override
    public void features(int index, float[] destination, int offset) {
        base.features(indices[index], destination, offset);
    }

    @Override
    public void target(int index, float[] destination, int offset) {
        base.target(indices[index], destination, offset);
    }

    @Override
    public List<String> classNames() {
        return base.classNames();
    }

    /** As {@link #batch(int[])}, into the given arrays. */
    @Override
    public Batch batch(int[] batchIndices, float[] features, float[] targets) {
        return base.batch(mapped(batchIndices), features, targets);
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
        return base.batch(mapped(batchIndices));
    }
}
