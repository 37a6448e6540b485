package dev.dendrite.nn;

import dev.dendrite.tensor.Tensor;

/** Log-softmax along an axis (the last by default): log-probabilities, stable for large inputs. */
public final class LogSoftmax extends Module {

    private final int axis;

    /** Along the last axis. */
    public LogSoftmax() {
        this(-1);
    }

    /** Along {@code axis}. */
    public LogSoftmax(int axis) {
        this.axis = axis;
    }

    /** The axis it normalises along (negative counts from the end). */
    public int axis() {
        return axis;
    }

    @Override
    protected String describe() {
        return "axis=" + axis;
    }

    /** Applies it along the axis; any shape. */
    @Override
    public Tensor forward(Tensor input) {
        return input.logSoftmax(axis);
    }
}
