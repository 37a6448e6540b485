package dev.dendrite.loss;

import dev.dendrite.kernel.LossKernels;
import dev.dendrite.tensor.Fused;
import dev.dendrite.tensor.ShapeMismatchException;
import dev.dendrite.tensor.Tensor;

/**
 * Binary cross-entropy on logits, as torch.nn.BCEWithLogitsLoss: sigmoid and binary cross-entropy in one
 * fused op, stable for logits of any size. For logits {@code x} and targets {@code y} of the same shape,
 * {@code loss_i = w_i ((1 - y_i) x_i + l_i softplus(-x_i))} with {@code l_i = 1 + (pw - 1) y_i}; without a
 * positive weight ({@code pw = 1}) that is {@code max(x, 0) - x y + log(1 + e^-|x|)}. The gradient is
 * {@code sigmoid(x) - y} (with {@code pw}: {@code (1 - y) - l sigmoid(-x)}), written directly.
 */
public final class BCEWithLogitsLoss implements Loss {

    private static final String NAME = "BCEWithLogitsLoss";

    private Reduction reduction = Reduction.MEAN;
    private Tensor weight;
    private float[] posWeight;

    /** Mean binary cross-entropy on logits, without weights. */
    public BCEWithLogitsLoss() {
    }

    /** How the elementwise losses are combined (default {@link Reduction#MEAN}); returns {@code this}. */
    public BCEWithLogitsLoss reduction(Reduction reduction) {
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
    public BCEWithLogitsLoss weight(Tensor weight) {
        this.weight = Losses.copyWeight(weight);
        return this;
    }

    /** The elementwise weight, or null for none. */
    public Tensor weight() {
        return weight;
    }

    /**
     * Weights the positive term of each class by {@code posWeight} ({@code [classes]} for the last axis of
     * the prediction, or one value for all; copied): above 1 raises recall, below 1 precision. As torch's
     * {@code pos_weight}, e.g. {@code negatives / positives} per class. Returns {@code this}.
     */
    public BCEWithLogitsLoss posWeight(Tensor posWeight) {
        if (posWeight.rank() > 1) {
            throw new ShapeMismatchException(NAME + ": posWeight must be [classes] or a scalar, got " + posWeight.shape());
        }
        this.posWeight = posWeight.toArray();
        return this;
    }

    /** The positive weight per class, or null for none. */
    public Tensor posWeight() {
        return posWeight == null ? null : Tensor.of(posWeight);
    }

    /** The binary cross-entropy of logits {@code prediction} against {@code target} (same shape). */
    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        Losses.requireSameShape(NAME, prediction, target);
        if (weight != null) {
            Losses.requireBroadcastsTo(NAME, "weight", weight, prediction);
        }
        float[] pw = posWeight;
        if (pw != null && pw.length != 1 && (prediction.rank() == 0 || pw.length != prediction.dim(-1))) {
            throw new ShapeMismatchException(NAME + ": posWeight [" + pw.length
                    + "] does not match the last axis of prediction " + prediction.shape());
        }
        float[] x = prediction.data();
        float[] y = target.data();
        int n = x.length;
        float[] out = new float[n];
        LossKernels.binaryCrossEntropyWithLogits(x, y, pw, out, n);
        Tensor losses = Fused.op("binaryCrossEntropyWithLogits", out, prediction.shape(), g -> {
            float[] dx = prediction.requiresGrad() ? new float[n] : null;
            float[] dy = target.requiresGrad() ? new float[n] : null;
            LossKernels.binaryCrossEntropyWithLogitsGrad(x, y, pw, g.data(), dx, dy, n);
            if (dx != null) {
                prediction.accumulateGrad(Fused.gradient(dx, prediction.dims()));
            }
            if (dy != null) {
                target.accumulateGrad(Fused.gradient(dy, target.dims()));
            }
        }, prediction, target);
        return Losses.reduce(weight == null ? losses : losses.mul(weight), reduction);
    }
}
