package dev.dendrite.data;

import dev.dendrite.tensor.Shape;
import java.util.List;
import java.util.Objects;

/**
 * A view of another dataset that passes every call through to it: extend it to change one thing (the
 * features as they are read, the class indices, the feature shape) and inherit the rest, including the
 * base's own batch reading (a folder of images decodes a batch in parallel).
 *
 * <pre>{@code
 * Dataset inverted = new DatasetView(images) {
 *     public void features(int i, float[] dst, int off) { super.features(i, dst, off); invert(dst, off); }
 *     protected Batch adapt(Batch b) { invertAll(b.features().data()); return b; }
 * };
 * }</pre>
 *
 * <p>Batches are read by the base and passed through {@link #adapt}: a view that changes what
 * {@link #features}, {@link #target} or {@link #featureShape} give must change batches the same way there.
 */
public abstract class DatasetView implements Dataset {

    private final Dataset base;

    /** A view of {@code base}. */
    protected DatasetView(Dataset base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /** The dataset this view reads. */
    public final Dataset base() {
        return base;
    }

    /**
     * A batch the base read, changed as this view changes single examples (it may be changed in place:
     * the base made it for this call). The batch as it is, by default.
     */
    protected Batch adapt(Batch batch) {
        return batch;
    }

    @Override
    public int size() {
        return base.size();
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
        base.features(index, destination, offset);
    }

    @Override
    public void target(int index, float[] destination, int offset) {
        base.target(index, destination, offset);
    }

    @Override
    public List<String> classNames() {
        return base.classNames();
    }

    @Override
    public Batch batch(int[] indices) {
        return adapt(base.batch(indices));
    }

    @Override
    public Batch batch(int[] indices, float[] features, float[] targets) {
        return adapt(base.batch(indices, features, targets));
    }
}
