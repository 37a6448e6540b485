package dev.dendrite.nn;

import dev.dendrite.tensor.Tensor;

/** Merges every axis after the first (the batch) into one: {@code [N, C, H, W] -> [N, C*H*W]}. */
public final class Flatten extends Module {

    /** {@code [N, d1, d2, ...] -> [N, d1*d2*...]}; inputs of rank 2 or less pass unchanged. */
    @Override
    public Tensor forward(Tensor input) {
        return input.rank() <= 2 ? input : input.flatten(1);
    }
}
