package dev.dendrite.nn;

import dev.dendrite.tensor.Tensor;

/** {@code x} for positive x, {@code slope * x} otherwise (slope 0.01 by default, as PyTorch). */
public final class LeakyReLU extends Module {

    private final float slope;

    /** With the default negative slope 0.01. */
    public LeakyReLU() {
        this(0.01f);
    }

    /** With the given negative slope. */
    public LeakyReLU(float slope) {
        this.slope = slope;
    }

    /** The negative slope. */
    public float slope() {
        return slope;
    }

    @Override
    protected String describe() {
        return "slope=" + slope;
    }

    /** Applies the activation elementwise; any shape. */
    @Override
    public Tensor forward(Tensor input) {
        return input.leakyRelu(slope);
    }
}
