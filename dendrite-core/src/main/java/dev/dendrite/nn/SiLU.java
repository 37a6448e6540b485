package dev.dendrite.nn;

import dev.dendrite.tensor.Tensor;

/** The sigmoid linear unit (swish) {@code x * sigmoid(x)}, elementwise. */
public final class SiLU extends Module {

    /** Applies the activation elementwise; any shape. */
    @Override
    public Tensor forward(Tensor input) {
        return input.silu();
    }
}
