package dev.dendrite.data;

import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.Tensor;
import java.util.Map;

/**
 * Standardisation (z-score) per feature: {@code (x - mean) / std}, with mean and (population)
 * standard deviation fitted on the training data; a constant feature keeps std 1.
 *
 * <pre>{@code
 * var scaler = StandardScaler.fit(split.train());
 * var train = scaler.transform(split.train());
 * }</pre>
 */
public final class StandardScaler implements Preprocessor {

    /** The {@link #kind()} of this preprocessor. */
    public static final String KIND = "standard";

    private final Tensor mean;
    private final Tensor std;
    private final float[] shift;
    private final float[] inverseScale;

    /** A scaler with the given per-feature mean and std (same shape; std positive). */
    public StandardScaler(Tensor mean, Tensor std) {
        if (!mean.shape().equals(std.shape())) {
            throw new IllegalArgumentException("mean " + mean.shape() + " and std " + std.shape() + " differ in shape");
        }
        this.mean = mean.copy();
        this.std = std.copy();
        this.shift = mean.toArray();
        this.inverseScale = std.toArray();
        for (int j = 0; j < inverseScale.length; j++) {
            if (!(inverseScale[j] > 0) || !Float.isFinite(inverseScale[j])) {
                throw new IllegalArgumentException("std of feature " + j + " is " + inverseScale[j] + ", must be > 0");
            }
            inverseScale[j] = 1 / inverseScale[j];
        }
    }

    /** Fits mean and std on {@code train}'s features (fit on the training split only). */
    public static StandardScaler fit(Dataset train) {
        FeatureStats stats = FeatureStats.of(train, "StandardScaler", false);
        double[] std = new double[stats.mean.length];
        for (int j = 0; j < std.length; j++) {
            double s = Math.sqrt(stats.m2[j] / stats.count[j]);
            std[j] = s < 1e-12 ? 1 : s;
        }
        Shape shape = train.featureShape();
        return new StandardScaler(FeatureStats.tensor(stats.mean, shape), FeatureStats.tensor(std, shape));
    }

    /** The per-feature means. */
    public Tensor mean() {
        return mean.copy();
    }

    /** The per-feature standard deviations. */
    public Tensor std() {
        return std.copy();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Tensor> state() {
        return Map.of("mean", mean.copy(), "std", std.copy());
    }

    @Override
    public Shape featureShape() {
        return mean.shape();
    }

    @Override
    public void transformInPlace(float[] features, int offset) {
        for (int j = 0; j < shift.length; j++) {
            features[offset + j] = (features[offset + j] - shift[j]) * inverseScale[j];
        }
    }
}
