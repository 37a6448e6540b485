package dev.dendrite.nn;

import dev.dendrite.tensor.Tensor;

/** The hyperbolic tangent, elementwise: outputs in (-1, 1). */
public final class Tanh extends Module {

    /** Applies the activation elementwise; any shape. */
    @Override
    public Tensor forward(Tensor input) {
        return input.tanh();
    }
}
