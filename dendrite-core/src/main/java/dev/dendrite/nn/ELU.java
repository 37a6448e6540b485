package dev.dendrite.nn;

import dev.dendrite.tensor.Tensor;

/** The exponential linear unit: {@code x} for positive x, {@code alpha * (e^x - 1)} otherwise (alpha 1 by default). */
public final class ELU extends Module {

    private final float alpha;

    /** With alpha 1. */
    public ELU() {
        this(1f);
    }

    /** With the given alpha. */
    public ELU(float alpha) {
        this.alpha = alpha;
    }

    /** The alpha: the limit of the output for large negative inputs is {@code -alpha}. */
    public float alpha() {
        return alpha;
    }

    @Override
    protected String describe() {
        return "alpha=" + alpha;
    }

    /** Applies the activation elementwise; any shape. */
    @Override
    public Tensor forward(Tensor input) {
        return input.elu(alpha);
    }
}
