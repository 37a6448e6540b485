package dev.dendrite.data;

import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.Tensor;
import java.util.Map;

/**
 * Fills missing features (NaN, as {@link MissingValues#KEEP} leaves them) with their mean over the
 * training data, so that no statistic of the validation or test data leaks into training.
 */
public final class MeanImputer implements Preprocessor {

    /** The {@link #kind()} of this preprocessor. */
    public static final String KIND = "mean-imputer";

    private final Tensor mean;
    private final float[] fill;

    /** An imputer that fills feature j with {@code mean[j]}. */
    public MeanImputer(Tensor mean) {
        this.mean = mean.copy();
        this.fill = mean.toArray();
    }

    /** Fits the means of {@code train}'s features, leaving out the missing ones. */
    public static MeanImputer fit(Dataset train) {
        FeatureStats stats = FeatureStats.of(train, "MeanImputer", true);
        for (int j = 0; j < stats.count.length; j++) {
            if (stats.count[j] == 0) {
                throw new IllegalArgumentException("MeanImputer: feature " + j + " is missing in every example");
            }
        }
        return new MeanImputer(FeatureStats.tensor(stats.mean, train.featureShape()));
    }

    /** The per-feature fill values. */
    public Tensor mean() {
        return mean.copy();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Tensor> state() {
        return Map.of("mean", mean.copy());
    }

    @Override
    public Shape featureShape() {
        return mean.shape();
    }

    @Override
    public void transformInPlace(float[] features, int offset) {
        for (int j = 0; j < fill.length; j++) {
            if (Float.isNaN(features[offset + j])) {
                features[offset + j] = fill[j];
            }
        }
    }
}
