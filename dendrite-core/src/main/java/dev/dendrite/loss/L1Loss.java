package dev.dendrite.loss;

import dev.dendrite.tensor.Tensor;

/**
 * Mean absolute error, as torch.nn.L1Loss: {@code loss_i = |x_i - y_i|} elementwise over prediction
 * {@code x} and target {@code y} of the same shape, then reduced. The gradient at {@code x_i = y_i} is 0.
 */
public final class L1Loss implements Loss {

    private Reduction reduction = Reduction.MEAN;

    /** Mean absolute error. */
    public L1Loss() {
    }

    /** How the elementwise losses are combined (default {@link Reduction#MEAN}); returns {@code this}. */
    public L1Loss reduction(Reduction reduction) {
        this.reduction = Losses.requireReduction(reduction);
        return this;
    }

    /** The reduction. */
    public Reduction reduction() {
        return reduction;
    }

    /** The absolute error of {@code prediction} against {@code target} (same shape). */
    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        Losses.requireSameShape("L1Loss", prediction, target);
        return Losses.reduce(prediction.sub(target).abs(), reduction);
    }
}
