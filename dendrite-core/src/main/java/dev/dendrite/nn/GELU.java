package dev.dendrite.nn;

import dev.dendrite.tensor.Tensor;

/** The Gaussian error linear unit {@code x * Phi(x)} (exact erf form), elementwise. */
public final class GELU extends Module {

    /** Applies the activation elementwise; any shape. */
    @Override
    public Tensor forward(Tensor input) {
        return input.gelu();
    }
}
