package dev.dendrite.train.metric;

import dev.dendrite.tensor.ShapeMismatchException;
import dev.dendrite.tensor.Tensor;
import java.util.Arrays;

/** Shape and value checks shared by the metrics, failing with the metric's name and both shapes. */
final class Inputs {

    private Inputs() {}

    /** Whether predictions of these dimensions are binary: {@code [b]} or {@code [b, 1]}. */
    static boolean isBinary(int[] dims) {
        return dims.length == 1 || dims.length == 2 && dims[1] == 1;
    }

    /** Fails unless both tensors have one shape, counting {@code [b]} and {@code [b, 1]} as the same. */
    static void requireSameShape(String metric, Tensor predictions, Tensor targets) {
        int[] p = predictions.dims();
        int[] t = targets.dims();
        boolean same = Arrays.equals(p, t) || isBinary(p) && isBinary(t) && p[0] == t[0];
        if (!same || p.length == 0) {
            throw mismatch(metric, predictions, targets, "they need the same shape [b, ...]");
        }
    }

    /** Fails unless predictions and targets are both binary ({@code [b]} or {@code [b, 1]}) for the same b. */
    static void requireBinary(String metric, Tensor predictions, Tensor targets) {
        int[] p = predictions.dims();
        int[] t = targets.dims();
        if (!isBinary(p) || !isBinary(t) || p[0] != t[0]) {
            throw mismatch(metric, predictions, targets,
                    "binary predictions and targets are [b] or [b, 1], with the same b");
        }
    }

    /** The binary target at flat index {@code i}: fails unless it is 0 or 1. */
    static boolean binaryTarget(String metric, float[] targets, int i) {
        float value = targets[i];
        if (value != 0f && value != 1f) {
            throw new IllegalArgumentException(metric + ": target " + value + " at index " + i
                    + " is not 0 or 1, as binary targets must be");
        }
        return value == 1f;
    }

    /** An error such as {@code Accuracy: predictions [32, 10] and targets [31] do not fit: <why>}. */
    static ShapeMismatchException mismatch(String metric, Tensor predictions, Tensor targets, String why) {
        return new ShapeMismatchException(metric + ": predictions " + predictions.shape() + " and targets "
                + targets.shape() + " do not fit: " + why);
    }
}
