package dev.dendrite.data;

import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.Tensor;

/** Building a {@link Batch} from the arrays a dataset gathered its examples into. */
final class Batches {

    private Batches() {
    }

    /** Fails unless the arrays fit a batch of {@code b} examples with the given sizes. */
    static void requireArrays(int b, int featureSize, int targetSize, float[] features, float[] targets) {
        if (features.length != b * featureSize || targets.length != b * targetSize) {
            throw new IllegalArgumentException("a batch of " + b + " examples needs " + b * featureSize
                    + " feature and " + b * targetSize + " target values, got arrays of " + features.length + " and "
                    + targets.length);
        }
    }

    /** The batch of {@code b} examples whose values are {@code features} and {@code targets}. */
    static Batch wrap(int b, Shape featureShape, Shape targetShape, float[] features, float[] targets) {
        return new Batch(Tensor.wrap(features, prepend(b, featureShape)), Tensor.wrap(targets, prepend(b, targetShape)));
    }

    private static int[] prepend(int batch, Shape shape) {
        int[] dims = new int[shape.rank() + 1];
        dims[0] = batch;
        System.arraycopy(shape.dims(), 0, dims, 1, shape.rank());
        return dims;
    }
}
