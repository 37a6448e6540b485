package dev.dendrite.loss;

import dev.dendrite.tensor.Tensor;

/**
 * Mean squared error, as torch.nn.MSELoss: {@code loss_i = (x_i - y_i)^2} elementwise over prediction
 * {@code x} and target {@code y} of the same shape, then reduced (mean over all elements by default).
 */
public final class MSELoss implements Loss {

    private Reduction reduction = Reduction.MEAN;

    /** Mean squared error. */
    public MSELoss() {
    }

    /** How the elementwise losses are combined (default {@link Reduction#MEAN}); returns {@code this}. */
    public MSELoss reduction(Reduction reduction) {
        this.reduction = Losses.requireReduction(reduction);
        return this;
    }

    /** The reduction. */
    public Reduction reduction() {
        return reduction;
    }

    /** The squared error of {@code prediction} against {@code target} (same shape). */
    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        Losses.requireSameShape("MSELoss", prediction, target);
        Tensor diff = prediction.sub(target);
        return Losses.reduce(diff.mul(diff), reduction);
    }
}
