package dev.dendrite.loss;

import dev.dendrite.tensor.Tensor;

/**
 * The Huber loss, as torch.nn.HuberLoss: with {@code d = |x_i - y_i|},
 * {@code loss_i = 0.5 d^2} if {@code d < delta}, else {@code delta (d - 0.5 delta)}: quadratic near the
 * target, linear (with slope {@code delta}) beyond. It equals {@code delta * SmoothL1Loss(beta = delta)}.
 */
public final class HuberLoss implements Loss {

    private final float delta;
    private Reduction reduction = Reduction.MEAN;

    /** The Huber loss with {@code delta = 1}. */
    public HuberLoss() {
        this(1f);
    }

    /** The Huber loss switching from quadratic to linear at {@code delta > 0}. */
    public HuberLoss(float delta) {
        if (!(delta > 0) || Float.isInfinite(delta)) {
            throw new IllegalArgumentException("HuberLoss: delta must be positive and finite, got " + delta);
        }
        this.delta = delta;
    }

    /** How the elementwise losses are combined (default {@link Reduction#MEAN}); returns {@code this}. */
    public HuberLoss reduction(Reduction reduction) {
        this.reduction = Losses.requireReduction(reduction);
        return this;
    }

    /** The reduction. */
    public Reduction reduction() {
        return reduction;
    }

    /** Where the loss turns from quadratic to linear. */
    public float delta() {
        return delta;
    }

    /** The Huber loss of {@code prediction} against {@code target} (same shape). */
    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        Losses.requireSameShape("HuberLoss", prediction, target);
        Tensor diff = prediction.sub(target);
        Tensor distance = diff.abs();
        Tensor quadratic = diff.mul(diff).mul(0.5f);
        Tensor linear = distance.sub(0.5f * delta).mul(delta);
        return Losses.reduce(Tensor.where(distance.lt(delta), quadratic, linear), reduction);
    }
}
