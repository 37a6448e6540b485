package dev.dendrite.nn;

import dev.dendrite.tensor.Tensor;

/** Softmax along an axis (the last by default): non-negative outputs summing to 1. */
public final class Softmax extends Module {

    private final int axis;

    /** Along the last axis. */
    public Softmax() {
        this(-1);
    }

    /** Along {@code axis}. */
    public Softmax(int axis) {
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
        return input.softmax(axis);
    }
}
