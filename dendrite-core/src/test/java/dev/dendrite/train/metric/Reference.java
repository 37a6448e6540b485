package dev.dendrite.train.metric;

import dev.dendrite.tensor.Tensor;
import java.util.Arrays;

/**
 * The fixed data of src/test/resources/reference/metrics_reference.py, whose scikit-learn results
 * the tests assert, and a way to feed it to a metric in batches.
 */
final class Reference {

    private Reference() {}

    /** Multi-class logits [12, 3]; row 6 ties classes 0 and 1. */
    static final float[][] MC_LOGITS = {
        {2.0f, 0.1f, -1.0f}, {0.3f, 0.2f, 1.5f}, {-1.0f, 0.0f, 3.0f}, {0.1f, 2.2f, 0.4f},
        {0.0f, 1.0f, 0.5f}, {1.2f, -0.3f, 0.9f}, {0.7f, 0.7f, 0.1f}, {0.2f, 0.1f, 0.9f},
        {0.4f, 1.1f, 0.3f}, {-0.2f, 1.3f, -0.5f}, {0.1f, 0.0f, 2.1f}, {0.9f, 0.8f, 0.2f}};
    static final int[] MC_TRUE = {0, 1, 2, 2, 1, 0, 1, 2, 0, 1, 2, 1};

    static final float[] BIN_PROB = {0.9f, 0.2f, 0.5f, 0.7f, 0.4f, 0.6f, 0.1f, 0.8f, 0.3f, 0.55f};
    static final float[] BIN_TRUE = {1, 0, 1, 1, 0, 0, 0, 1, 1, 1};

    static final float[] AUC_SCORE = {0.1f, 0.4f, 0.35f, 0.8f, 0.4f, 0.4f, 0.9f, 0.1f, 0.65f, 0.8f, 0.2f, 0.65f};
    static final float[] AUC_TRUE = {0, 0, 1, 1, 1, 0, 1, 0, 1, 0, 0, 1};

    static final float[] REG_TRUE = {3.0f, -0.5f, 2.0f, 7.0f, 4.25f, -1.5f, 0.0f, 5.5f};
    static final float[] REG_PRED = {2.5f, 0.0f, 2.0f, 8.0f, 4.0f, -2.0f, 0.75f, 5.0f};
    static final float[][] REG2_TRUE = {{0.5f, 1.0f}, {-1.0f, 1.0f}, {7.0f, -6.0f}, {2.0f, 3.5f}, {1.5f, 0.25f}, {4.0f, 2.0f}};
    static final float[][] REG2_PRED = {{0.0f, 2.0f}, {-1.0f, 2.0f}, {8.0f, -5.0f}, {2.5f, 3.0f}, {1.0f, 0.0f}, {3.5f, 2.5f}};

    /** Class indices as the float values a target tensor holds. */
    static Tensor indices(int... classes) {
        float[] values = new float[classes.length];
        for (int i = 0; i < classes.length; i++) {
            values[i] = classes[i];
        }
        return Tensor.of(values);
    }

    /** One-hot rows {@code [n, classes]}, built here as Tensor.oneHot is not in this tree yet. */
    static Tensor oneHot(int[] labels, int classes) {
        float[] values = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            values[i * classes + labels[i]] = 1f;
        }
        return Tensor.of(values, labels.length, classes);
    }

    /** Resets {@code metric}, feeds it the examples in consecutive batches of the given sizes, and returns its result. */
    static double inBatches(Metric metric, Tensor predictions, Tensor targets, int... sizes) {
        feed(metric, predictions, targets, sizes);
        return metric.result();
    }

    /** Resets {@code metric} and feeds it the examples in consecutive batches of the given sizes. */
    static void feed(Metric metric, Tensor predictions, Tensor targets, int... sizes) {
        metric.reset();
        int start = 0;
        for (int size : sizes) {
            metric.update(rows(predictions, start, size), rows(targets, start, size));
            start += size;
        }
        if (start != predictions.dim(0)) {
            throw new IllegalArgumentException("batch sizes " + Arrays.toString(sizes) + " do not cover "
                    + predictions.dim(0) + " examples");
        }
    }

    /** Rows {@code [start, start + count)} along the first axis, as a new tensor. */
    static Tensor rows(Tensor tensor, int start, int count) {
        int[] dims = tensor.dims();
        int width = tensor.size() / dims[0];
        dims[0] = count;
        return Tensor.of(Arrays.copyOfRange(tensor.data(), start * width, (start + count) * width), dims);
    }
}
