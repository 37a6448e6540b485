package dev.dendrite.data;

import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.Tensor;
import java.util.Map;

/**
 * Min-max scaling per feature to [0, 1]: {@code (x - min) / (max - min)}, with min and max fitted on
 * the training data (new data may fall outside [0, 1]); a constant feature is only shifted.
 */
public final class MinMaxScaler implements Preprocessor {

    /** The {@link #kind()} of this preprocessor. */
    public static final String KIND = "minmax";

    private final Tensor min;
    private final Tensor max;
    private final float[] shift;
    private final float[] inverseRange;

    /** A scaler with the given per-feature minimum and maximum (same shape, max >= min). */
    public MinMaxScaler(Tensor min, Tensor max) {
        if (!min.shape().equals(max.shape())) {
            throw new IllegalArgumentException("min " + min.shape() + " and max " + max.shape() + " differ in shape");
        }
        this.min = min.copy();
        this.max = max.copy();
        this.shift = min.toArray();
        this.inverseRange = new float[shift.length];
        float[] top = max.data();
        for (int j = 0; j < shift.length; j++) {
            float range = top[j] - shift[j];
            if (!(range >= 0) || !Float.isFinite(range)) {
                throw new IllegalArgumentException("feature " + j + " has min " + shift[j] + " and max " + top[j]);
            }
            inverseRange[j] = range == 0 ? 1 : 1 / range;
        }
    }

    /** Fits min and max on {@code train}'s features (fit on the training split only). */
    public static MinMaxScaler fit(Dataset train) {
        FeatureStats stats = FeatureStats.of(train, "MinMaxScaler", false);
        Shape shape = train.featureShape();
        return new MinMaxScaler(Tensor.wrap(stats.min, shape.dims()), Tensor.wrap(stats.max, shape.dims()));
    }

    /** The per-feature minima. */
    public Tensor min() {
        return min.copy();
    }

    /** The per-feature maxima. */
    public Tensor max() {
        return max.copy();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Tensor> state() {
        return Map.of("min", min.copy(), "max", max.copy());
    }

    @Override
    public Shape featureShape() {
        return min.shape();
    }

    @Override
    public void transformInPlace(float[] features, int offset) {
        for (int j = 0; j < shift.length; j++) {
            features[offset + j] = (features[offset + j] - shift[j]) * inverseRange[j];
        }
    }
}
