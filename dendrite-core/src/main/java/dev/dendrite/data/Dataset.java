package dev.dendrite.data;

import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.Tensor;
import java.util.List;

/**
 * A finite, indexable collection of (features, target) examples, in memory or read lazily.
 *
 * <p>Every example has features of {@link #featureShape()} (e.g. {@code [30]} for a table row,
 * {@code [1, 28, 28]} for an image) and a target of {@link #targetShape()} ({@code []} for a class
 * index or one regression value, {@code [k]} for a vector).
 */
public interface Dataset {

    /** The number of examples. */
    int size();

    /** The shape of one example's features. */
    Shape featureShape();

    /** The shape of one example's target. */
    Shape targetShape();

    /** Copies the features of example {@code index} into {@code destination} from {@code offset}. */
    void features(int index, float[] destination, int offset);

    /** Copies the target of example {@code index} into {@code destination} from {@code offset}. */
    void target(int index, float[] destination, int offset);

    /** The class names of a classification target, index i naming class i; empty for other targets. */
    default List<String> classNames() {
        return List.of();
    }

    /** The examples at {@code indices} gathered into one batch: {@code [b, ...featureShape]} and {@code [b, ...targetShape]}. */
    default Batch batch(int[] indices) {
        int featureSize = featureShape().size();
        int targetSize = targetShape().size();
        float[] features = new float[indices.length * featureSize];
        float[] targets = new float[indices.length * targetSize];
        for (int i = 0; i < indices.length; i++) {
            features(indices[i], features, i * featureSize);
            target(indices[i], targets, i * targetSize);
        }
        return new Batch(Tensor.wrap(features, prepend(indices.length, featureShape())),
                Tensor.wrap(targets, prepend(indices.length, targetShape())));
    }

    private static int[] prepend(int batch, Shape shape) {
        int[] dims = new int[shape.rank() + 1];
        dims[0] = batch;
        System.arraycopy(shape.dims(), 0, dims, 1, shape.rank());
        return dims;
    }
}
