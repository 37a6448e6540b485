package dev.dendrite.loss;

import dev.dendrite.kernel.LossKernels;
import dev.dendrite.tensor.Fused;
import dev.dendrite.tensor.Tensor;

/**
 * Binary cross-entropy on probabilities, as torch.nn.BCELoss: for predicted probabilities
 * {@code p} in {@code [0, 1]} (a sigmoid's output) and targets {@code y} of the same shape,
 * {@code loss_i = -w_i (y_i max(log p_i, -100) + (1 - y_i) max(log(1 - p_i), -100))}. The floor on the
 * logarithms keeps {@code p = 0} or {@code 1} finite; the gradient is torch's
 * {@code (p - y) / max(p (1 - p), 1e-12)}. On logits, {@link BCEWithLogitsLoss} is more accurate.
 */
public final class BCELoss implements Loss {

    private static final String NAME = "BCELoss";

    private Reduction reduction = Reduction.MEAN;
    private Tensor weight;

    /** Mean binary cross-entropy without weights. */
    public BCELoss() {
    }

    /** How the elementwise losses are combined (default {@link Reduction#MEAN}); returns {@code this}. */
    public BCELoss reduction(Reduction reduction) {
        this.reduction = Losses.requireReduction(reduction);
        return this;
    }

    /** The reduction. */
    public Reduction reduction() {
        return reduction;
    }

    /**
     * Multiplies each element's loss by {@code weight} (copied), which must broadcast to the prediction's
     * shape; the mean stays a plain mean over elements, as in torch. Returns {@code this}.
     */
    public BCELoss weight(Tensor weight) {
        this.weight = Losses.copyWeight(weight);
        return this;
    }

    /** The elementwise weight, or null for none. */
    public Tensor weight() {
        return weight;
    }

    /** The binary cross-entropy of probabilities {@code prediction} against {@code target} (same shape). */
    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        Losses.requireSameShape(NAME, prediction, target);
        if (weight != null) {
            Losses.requireBroadcastsTo(NAME, "weight", weight, prediction);
        }
        float[] p = prediction.data();
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException(NAME + ": prediction " + p[i] + " at flat position " + i
                        + " is not a probability in [0, 1]; for logits use BCEWithLogitsLoss");
            }
        }
        float[] y = target.data();
        int n = p.length;
        float[] out = new float[n];
        LossKernels.binaryCrossEntropy(p, y, out, n);
        Tensor losses = Fused.op("binaryCrossEntropy", out, prediction.shape(), g -> {
            float[] dp = prediction.requiresGrad() ? new float[n] : null;
            float[] dy = target.requiresGrad() ? new float[n] : null;
            LossKernels.binaryCrossEntropyGrad(p, y, g.data(), dp, dy, n);
            if (dp != null) {
                prediction.accumulateGrad(Fused.gradient(dp, prediction.dims()));
            }
            if (dy != null) {
                target.accumulateGrad(Fused.gradient(dy, target.dims()));
            }
        }, prediction, target);
        return Losses.reduce(weight == null ? losses : losses.mul(weight), reduction);
    }
}
