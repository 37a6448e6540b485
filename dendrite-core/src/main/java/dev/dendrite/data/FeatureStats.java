package dev.dendrite.data;

import dev.dendrite.tensor.Tensor;

/** Per-feature count, mean, variance, minimum and maximum over a dataset, read a batch at a time. */
final class FeatureStats {

    private static final int CHUNK = 256;

    final int[] count;
    final double[] mean;
    final double[] m2;
    final float[] min;
    final float[] max;
    private final int size;

    private FeatureStats(int size) {
        this.size = size;
        count = new int[size];
        mean = new double[size];
        m2 = new double[size];
        min = new float[size];
        max = new float[size];
        java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
    }

    /**
     * The statistics of {@code data}'s features for fitting {@code what}; a NaN fails unless
     * {@code skipNaN} (then it is left out), an infinity always fails.
     */
    static FeatureStats of(Dataset data, String what, boolean skipNaN) {
        if (data.size() == 0) {
            throw new IllegalArgumentException(what + " cannot be fitted on an empty dataset");
        }
        FeatureStats stats = new FeatureStats(data.featureShape().size());
        for (int from = 0; from < data.size(); from += CHUNK) {
            int[] indices = new int[Math.min(CHUNK, data.size() - from)];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = from + i;
            }
            float[] features = data.batch(indices).features().data();
            for (int i = 0; i < indices.length; i++) {
                stats.add(features, i * stats.size, from + i, what, skipNaN);
            }
        }
        return stats;
    }

    private void add(float[] values, int offset, int example, String what, boolean skipNaN) {
        for (int j = 0; j < size; j++) {
            float v = values[offset + j];
            if (!Float.isFinite(v)) {
                if (Float.isNaN(v) && skipNaN) {
                    continue;
                }
                throw new IllegalArgumentException(what + ": feature " + j + " of example " + example + " is " + v
                        + (Float.isNaN(v) ? "; fill missing values first (MeanImputer)" : ""));
            }
            count[j]++;
            double delta = v - mean[j];
            mean[j] += delta / count[j];
            m2[j] += delta * (v - mean[j]);
            min[j] = Math.min(min[j], v);
            max[j] = Math.max(max[j], v);
        }
    }

    /** {@code values} as a tensor of {@code data}'s feature shape. */
    static Tensor tensor(double[] values, dev.dendrite.tensor.Shape shape) {
        float[] out = new float[values.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = (float) values[j];
        }
        return Tensor.wrap(out, shape.dims());
    }
}
