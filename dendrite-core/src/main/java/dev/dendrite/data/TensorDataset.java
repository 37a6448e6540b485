package dev.dendrite.data;

import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.ShapeMismatchException;
import dev.dendrite.tensor.Tensor;
import java.util.List;

/**
 * A dataset held in two tensors: features {@code [n, ...]} and targets {@code [n, ...]} (or {@code [n]}),
 * example i being row i of each.
 */
public final class TensorDataset implements Dataset {

    private final Tensor features;
    private final Tensor targets;
    private final Shape featureShape;
    private final Shape targetShape;
    private final List<String> classNames;

    /** Examples from the rows of {@code features} and {@code targets}, which must have as many rows. */
    public TensorDataset(Tensor features, Tensor targets) {
        this(features, targets, List.of());
    }

    /** As {@link #TensorDataset(Tensor, Tensor)}, with the names of the classes the targets index. */
    public TensorDataset(Tensor features, Tensor targets, List<String> classNames) {
        if (classNames == null) {
            throw new IllegalArgumentException("TensorDataset: classNames is null; use"
                    + " new TensorDataset(features, targets) for targets without class names");
        }
        if (features.rank() == 0 || targets.rank() == 0 || features.dim(0) != targets.dim(0)) {
            throw new ShapeMismatchException("TensorDataset: features " + features.shape() + " and targets "
                    + targets.shape() + " need the same number of rows");
        }
        this.features = features;
        this.targets = targets;
        this.featureShape = features.shape().without(0);
        this.targetShape = targets.shape().without(0);
        this.classNames = List.copyOf(classNames);
    }

    /** All features, {@code [n, ...]}. */
    public Tensor features() {
        return features;
    }

    /** All targets, {@code [n, ...]}. */
    public Tensor targets() {
        return targets;
    }

    @Override
    public int size() {
        return features.dim(0);
    }

    @Override
    public Shape featureShape() {
        return featureShape;
    }

    @Override
    public Shape targetShape() {
        return targetShape;
    }

    @Override
    public void features(int index, float[] destination, int offset) {
        int n = featureShape.size();
        System.arraycopy(features.data(), index * n, destination, offset, n);
    }

    @Override
    public void target(int index, float[] destination, int offset) {
        int n = targetShape.size();
        System.arraycopy(targets.data(), index * n, destination, offset, n);
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }
}
