package dev.dendrite.nn;

import dev.dendrite.tensor.Tensor;

/** Passes its input through unchanged (a placeholder layer). */
public final class Identity extends Module {

    /** Returns the input itself. */
    @Override
    public Tensor forward(Tensor input) {
        return input;
    }
}
