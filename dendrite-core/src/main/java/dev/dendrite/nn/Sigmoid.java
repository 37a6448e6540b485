package dev.dendrite.nn;

import dev.dendrite.tensor.Tensor;

/** The logistic function {@code 1 / (1 + e^-x)}, elementwise: outputs in (0, 1). */
public final class Sigmoid extends Module {

    /** Applies the activation elementwise; any shape. */
    @Override
    public Tensor forward(Tensor input) {
        return input.sigmoid();
    }
}
