package dev.dendrite.train.metric;

import dev.dendrite.tensor.ShapeMismatchException;
import dev.dendrite.tensor.Tensor;

/**
 * The predicted and the true class of each example of a batch, read from the tensors' values under
 * the conventions of the package overview: binary predictions by threshold, multi-class by argmax.
 *
 * @param predicted the predicted class of each example
 * @param actual the true class of each example
 * @param classes the number of classes: 2 for binary predictions, else the predictions' width
 */
record ClassLabels(int[] predicted, int[] actual, int classes) {

    /** Decodes one batch, or fails naming {@code metric}, the shapes, or the offending target. */
    static ClassLabels decode(String metric, Tensor predictions, Tensor targets, Threshold threshold) {
        int[] p = predictions.dims();
        if (Inputs.isBinary(p)) {
            return binary(metric, predictions, targets, threshold);
        }
        if (p.length == 2 && p[1] > 1) {
            return multiClass(metric, predictions, targets);
        }
        throw new ShapeMismatchException(metric + ": predictions " + predictions.shape()
                + " are neither binary [b] or [b, 1] nor multi-class [b, C]");
    }

    private static ClassLabels binary(String metric, Tensor predictions, Tensor targets, Threshold threshold) {
        Inputs.requireBinary(metric, predictions, targets);
        float[] scores = predictions.data();
        float[] truth = targets.data();
        int[] predicted = new int[scores.length];
        int[] actual = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            predicted[i] = threshold.positive(scores[i]) ? 1 : 0;
            actual[i] = Inputs.binaryTarget(metric, truth, i) ? 1 : 0;
        }
        return new ClassLabels(predicted, actual, 2);
    }

    private static ClassLabels multiClass(String metric, Tensor predictions, Tensor targets) {
        int batch = predictions.dim(0);
        int classes = predictions.dim(1);
        int[] t = targets.dims();
        int[] predicted = argmaxRows(predictions.data(), batch, classes);
        if (t.length == 1 && t[0] == batch) {
            return new ClassLabels(predicted, indices(metric, targets.data(), classes), classes);
        }
        if (t.length == 2 && t[0] == batch && t[1] == classes) {
            return new ClassLabels(predicted, argmaxRows(targets.data(), batch, classes), classes);
        }
        throw Inputs.mismatch(metric, predictions, targets, "targets must be [" + batch
                + "] (class indices) or [" + batch + ", " + classes + "] (one-hot)");
    }

    private static int[] indices(String metric, float[] targets, int classes) {
        int[] indices = new int[targets.length];
        for (int i = 0; i < targets.length; i++) {
            float value = targets[i];
            if (!(value >= 0 && value < classes) || value != Math.rint(value)) {
                throw new IllegalArgumentException(metric + ": target " + value + " at index " + i
                        + " is not a class index (an integer in [0, " + classes + "))");
            }
            indices[i] = (int) value;
        }
        return indices;
    }

    /** The index of each row's largest value, the first on ties (as NumPy's argmax). */
    private static int[] argmaxRows(float[] values, int rows, int width) {
        int[] argmax = new int[rows];
        for (int r = 0; r < rows; r++) {
            int offset = r * width;
            int best = 0;
            for (int c = 1; c < width; c++) {
                if (values[offset + c] > values[offset + best]) {
                    best = c;
                }
            }
            argmax[r] = best;
        }
        return argmax;
    }
}
