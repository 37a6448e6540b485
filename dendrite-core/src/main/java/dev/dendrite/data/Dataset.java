package dev.dendrite.data;

import dev.dendrite.tensor.Shape;
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
        return batch(indices, new float[indices.length * featureShape().size()],
                new float[indices.length * targetShape().size()]);
    }

    /**
     * As {@link #batch(int[])}, written into the given arrays, which the batch then wraps (what a
     * loader that reuses its batches calls): {@code features} holds {@code indices.length} times
     * {@code featureShape().size()} values and {@code targets} {@code indices.length} times
     * {@code targetShape().size()}, all of which are overwritten.
     */
    default Batch batch(int[] indices, float[] features, float[] targets) {
        int featureSize = featureShape().size();
        int targetSize = targetShape().size();
        Batches.requireArrays(indices.length, featureSize, targetSize, features, targets);
        for (int i = 0; i < indices.length; i++) {
            features(indices[i], features, i * featureSize);
            target(indices[i], targets, i * targetSize);
        }
        return Batches.wrap(indices.length, featureShape(), targetShape(), features, targets);
    }
}
