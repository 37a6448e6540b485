package dev.dendrite.nn;

import dev.dendrite.tensor.Tensor;

/** The smooth ReLU {@code log(1 + e^x)}, elementwise. */
public final class Softplus extends Module {

    /** Applies the activation elementwise; any shape. */
    @Override
    public Tensor forward(Tensor input) {
        return input.softplus();
    }
}
