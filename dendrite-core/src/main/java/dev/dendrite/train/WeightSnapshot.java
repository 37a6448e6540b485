package dev.dendrite.train;

import dev.dendrite.nn.Module;
import dev.dendrite.nn.Parameter;
import dev.dendrite.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** A copy of a model's parameter values, to go back to (the best epoch's weights, say). */
public final class WeightSnapshot {

    private final Map<String, float[]> values;

    private WeightSnapshot(Map<String, float[]> values) {
        this.values = values;
    }

    /** Copies the current values of every parameter of {@code model}. */
    public static WeightSnapshot of(Module model) {
        Map<String, float[]> values = new LinkedHashMap<>();
        model.namedParameters().forEach((name, parameter) -> values.put(name, parameter.value().toArray()));
        return new WeightSnapshot(values);
    }

    /** A snapshot of the given tensors by parameter name (as read back from a checkpoint). */
    public static WeightSnapshot of(Map<String, Tensor> tensors) {
        Map<String, float[]> values = new LinkedHashMap<>();
        tensors.forEach((name, tensor) -> values.put(name, tensor.toArray()));
        return new WeightSnapshot(values);
    }

    /** The copied values as tensors (shaped flat), by parameter name. */
    public Map<String, Tensor> tensors() {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        values.forEach((name, data) -> tensors.put(name, Tensor.of(data, data.length)));
        return tensors;
    }

    /** Writes the copied values back into {@code model}, which must have the same parameters. */
    public void restore(Module model) {
        Map<String, Parameter> parameters = model.namedParameters();
        if (!parameters.keySet().equals(values.keySet())) {
            throw new IllegalArgumentException("snapshot of parameters " + values.keySet()
                    + " does not fit a model with " + parameters.keySet());
        }
        parameters.forEach((name, parameter) -> {
            float[] saved = values.get(name);
            if (saved.length != parameter.size()) {
                throw new IllegalArgumentException("snapshot of '" + name + "' holds " + saved.length
                        + " values, the parameter " + parameter.shape() + " needs " + parameter.size());
            }
            System.arraycopy(saved, 0, parameter.value().data(), 0, parameter.size());
        });
    }
}
