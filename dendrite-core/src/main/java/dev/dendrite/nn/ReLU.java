package dev.dendrite.nn;

import dev.dendrite.tensor.Tensor;

/** The rectified linear unit {@code max(0, x)}, elementwise. */
public final class ReLU extends Module {

    /** Applies the activation elementwise; any shape. */
    @Override
    public Tensor forward(Tensor input) {
        return input.relu();
    }
}
