package dev.dendrite.loss;

import dev.dendrite.tensor.Tensor;

/**
 * The smooth L1 loss, as torch.nn.SmoothL1Loss: with {@code d = |x_i - y_i|},
 * {@code loss_i = 0.5 d^2 / beta} if {@code d < beta}, else {@code d - 0.5 beta}: quadratic near the
 * target, linear with slope 1 beyond, so it tends to {@link L1Loss} as {@code beta -> 0} (and is L1 at
 * {@code beta = 0}). {@link HuberLoss} with {@code delta = beta} is {@code beta} times this.
 */
public final class SmoothL1Loss implements Loss {

    private final float beta;
    private Reduction reduction = Reduction.MEAN;

    /** The smooth L1 loss with {@code beta = 1}. */
    public SmoothL1Loss() {
        this(1f);
    }

    /** The smooth L1 loss switching from quadratic to linear at {@code beta >= 0}. */
    public SmoothL1Loss(float beta) {
        if (!(beta >= 0) || Float.isInfinite(beta)) {
            throw new IllegalArgumentException("SmoothL1Loss: beta must be non-negative and finite, got " + beta);
        }
        this.beta = beta;
    }

    /** How the elementwise losses are combined (default {@link Reduction#MEAN}); returns {@code this}. */
    public SmoothL1Loss reduction(Reduction reduction) {
        this.reduction = Losses.requireReduction(reduction);
        return this;
    }

    /** The reduction. */
    public Reduction reduction() {
        return reduction;
    }

    /** Where the loss turns from quadratic to linear. */
    public float beta() {
        return beta;
    }

    /** The smooth L1 loss of {@code prediction} against {@code target} (same shape). */
    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        Losses.requireSameShape("SmoothL1Loss", prediction, target);
        Tensor diff = prediction.sub(target);
        Tensor distance = diff.abs();
        if (beta == 0) {
            return Losses.reduce(distance, reduction);
        }
        Tensor quadratic = diff.mul(diff).mul(0.5f / beta);
        Tensor linear = distance.sub(0.5f * beta);
        return Losses.reduce(Tensor.where(distance.lt(beta), quadratic, linear), reduction);
    }
}
