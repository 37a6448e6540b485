package dev.dendrite.data;

import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.Tensor;
import java.util.Map;

/**
 * A per-feature transformation fitted on training data (a scaler, an imputer), kept with a model so
 * that new data is transformed the same way at prediction time.
 *
 * <p>Its saved form is {@link #kind()} plus {@link #state()}, a few named tensors of the feature
 * shape; {@link #restore(String, Map)} rebuilds it from them.
 */
public interface Preprocessor {

    /** The name of the transformation, e.g. {@code "standard"}, the key for {@link #restore}. */
    String kind();

    /** The fitted parameters, each shaped like one example's features (e.g. {@code mean} and {@code std}). */
    Map<String, Tensor> state();

    /** The feature shape it was fitted on. */
    Shape featureShape();

    /** Transforms one example's features in place: {@code featureShape().size()} values from {@code offset}. */
    void transformInPlace(float[] features, int offset);

    /** A view of {@code data} whose features are transformed as they are read; targets are unchanged. */
    default Dataset transform(Dataset data) {
        return new TransformedDataset(data, this);
    }

    /** A transformed copy of a batch of features {@code [n, ...featureShape]}. */
    default Tensor transform(Tensor features) {
        int n = featureShape().size();
        if (features.rank() == 0 || features.size() != features.dim(0) * n) {
            throw new dev.dendrite.tensor.ShapeMismatchException(kind() + " scaler fitted on features "
                    + featureShape() + " cannot transform a batch of shape " + features.shape());
        }
        float[] out = features.toArray();
        for (int offset = 0; offset < out.length; offset += n) {
            transformInPlace(out, offset);
        }
        return Tensor.wrap(out, features.dims());
    }

    /** Rebuilds a preprocessor from its {@link #kind()} and {@link #state()}. */
    static Preprocessor restore(String kind, Map<String, Tensor> state) {
        return switch (kind) {
            case StandardScaler.KIND -> new StandardScaler(get(state, kind, "mean"), get(state, kind, "std"));
            case MinMaxScaler.KIND -> new MinMaxScaler(get(state, kind, "min"), get(state, kind, "max"));
            case MeanImputer.KIND -> new MeanImputer(get(state, kind, "mean"));
            default -> throw new IllegalArgumentException("unknown preprocessor kind '" + kind + "'; known are "
                    + StandardScaler.KIND + ", " + MinMaxScaler.KIND + ", " + MeanImputer.KIND);
        };
    }

    private static Tensor get(Map<String, Tensor> state, String kind, String name) {
        Tensor tensor = state.get(name);
        if (tensor == null) {
            throw new IllegalArgumentException("the state of a '" + kind + "' preprocessor needs '" + name
                    + "', it has " + state.keySet());
        }
        return tensor;
    }
}
