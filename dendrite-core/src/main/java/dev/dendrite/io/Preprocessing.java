package dev.dendrite.io;

import dev.dendrite.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a model expects done to raw inputs and how to name its outputs, kept in the model file beside
 * the weights: a scaler's kind and tensors (e.g. {@code "standard"} with {@code mean} and {@code std})
 * and the class names of a classifier. Scalers in {@code dev.dendrite.data} convert to and from it.
 *
 * @param kind the scaler's kind, {@code "none"} without one
 * @param params the scaler's tensors by name
 * @param classNames the class names, index i naming output i; empty for other models
 */
public record Preprocessing(String kind, Map<String, Tensor> params, List<String> classNames) {

    /** No scaler and no class names. */
    public static final Preprocessing NONE = new Preprocessing("none", Map.of(), List.of());

    /** Copies the collections (read-only, order kept); nothing may be null. */
    public Preprocessing {
        Objects.requireNonNull(kind, "kind");
        Map<String, Tensor> copy = new LinkedHashMap<>();
        params.forEach((name, tensor) -> copy.put(Objects.requireNonNull(name, "param name"),
                Objects.requireNonNull(tensor, "param " + name)));
        params = Collections.unmodifiableMap(copy);
        classNames = List.copyOf(classNames);
    }

    /** The same with other class names. */
    public Preprocessing withClassNames(List<String> names) {
        return new Preprocessing(kind, params, names);
    }
}
