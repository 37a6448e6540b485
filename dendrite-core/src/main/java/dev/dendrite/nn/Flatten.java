package dev.dendrite.nn;

import dev.dendrite.tensor.Tensor;

/**
 * Merges the axes from a start axis on into one, as PyTorch's {@code nn.Flatten}: by default every
 * axis after the batch ({@code [N, C, H, W] -> [N, C*H*W]}); {@code new Flatten(0)} makes a
 * {@code [N, 1]} output a {@code [N]} vector.
 */
public final class Flatten extends Module {

    private final int startAxis;

    /** Flattens every axis after the first (the batch). */
    public Flatten() {
        this(1);
    }

    /** Flattens the axes from {@code startAxis} on. */
    public Flatten(int startAxis) {
        this.startAxis = startAxis;
    }

    /** The first axis merged. */
    public int startAxis() {
        return startAxis;
    }

    /** {@code [d0, ..., d_start, ..., d_last] -> [d0, ..., d_start * ... * d_last]}; inputs with fewer axes pass unchanged. */
    @Override
    public Tensor forward(Tensor input) {
        return input.rank() <= startAxis ? input : input.flatten(startAxis);
    }

    @Override
    protected String describe() {
        return startAxis == 1 ? "" : "startAxis=" + startAxis;
    }
}
