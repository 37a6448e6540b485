package dev.dendrite.optim;

import dev.dendrite.nn.Parameter;
import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an optimizer remembers about one parameter between steps: the number of steps taken and named
 * buffers such as {@code exp_avg} (usually shaped like the parameter), as torch.optim's per-parameter
 * {@code state}.
 */
public final class ParamState {

    private final Shape parameterShape;
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private long step;

    /** An empty state for {@code parameter}; optimizers add their buffers in {@link Optimizer#initState}. */
    public ParamState(Parameter parameter) {
        this.parameterShape = parameter.shape();
    }

    /** Adds a buffer shaped like the parameter with every value {@code initial}; returns its values. */
    public float[] addBuffer(String name, float initial) {
        return addBuffer(name, parameterShape, initial);
    }

    /** Adds a buffer of {@code shape} with every value {@code initial}; returns its values. */
    public float[] addBuffer(String name, Shape shape, float initial) {
        if (buffers.containsKey(name) || name.equals("step")) {
            throw new IllegalArgumentException("state already has a buffer named '" + name + "'");
        }
        Tensor buffer = Tensor.zeros(shape).fill(initial);
        buffers.put(name, buffer);
        return buffer.data();
    }

    /** The values of buffer {@code name}. */
    public float[] buffer(String name) {
        Tensor buffer = buffers.get(name);
        if (buffer == null) {
            throw new IllegalStateException("no optimizer state '" + name + "'; state holds " + buffers.keySet());
        }
        return buffer.data();
    }

    /** The values of buffer {@code name}, or null if this state has none by that name. */
    public float[] bufferOrNull(String name) {
        Tensor buffer = buffers.get(name);
        return buffer == null ? null : buffer.data();
    }

    /** The buffers by name, in the order they were added (read-only view; the tensors are live). */
    public Map<String, Tensor> buffers() {
        return Collections.unmodifiableMap(buffers);
    }

    /** The number of steps taken for this parameter. */
    public long step() {
        return step;
    }

    void setStep(long step) {
        this.step = step;
    }

    /** Counts one more step; returns the new count. */
    long advance() {
        return ++step;
    }
}
