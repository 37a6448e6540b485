package dev.dendrite.loss;

import dev.dendrite.kernel.LossKernels;
import dev.dendrite.tensor.Fused;
import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.ShapeMismatchException;
import dev.dendrite.tensor.Tensor;

/**
 * Cross-entropy from raw scores (logits), as torch.nn.CrossEntropyLoss: log-softmax and negative
 * log-likelihood in one fused, numerically stable op. Use it on the last {@code Linear} layer's output,
 * without a softmax.
 *
 * <p>Prediction {@code [batch, classes]} (or {@code [classes]} for one example). The target is chosen by
 * its shape, as in torch:
 * <ul>
 * <li>class indices {@code [batch]} (integer values stored as floats): with {@code lp = logSoftmax(x)},
 *     class weights {@code w} and smoothing {@code eps},
 *     {@code loss_i = (1 - eps) w[y_i] (-lp_i[y_i]) + eps / C * sum_c w[c] (-lp_i[c])}; targets equal to
 *     {@link #ignoreIndex()} contribute nothing, and the mean divides by {@code sum_i w[y_i]} over the
 *     rest (their count without weights);</li>
 * <li>probabilities {@code [batch, classes]} (one-hot or soft): with {@code q = (1 - eps) y + eps / C},
 *     {@code loss_i = -sum_c w[c] q_i[c] lp_i[c]}, and the mean divides by the batch size.</li>
 * </ul>
 * The gradient, {@code (softmax(x) - target) * scale} with weights and smoothing folded in, is written
 * directly from the softmax saved by the forward pass.
 */
public final class CrossEntropyLoss implements Loss {

    private static final String NAME = "CrossEntropyLoss";

    private Reduction reduction = Reduction.MEAN;
    private float[] weight;
    private int ignoreIndex = -100;
    private float labelSmoothing;

    /** Mean cross-entropy, no class weights, no label smoothing, ignore index -100 (torch's defaults). */
    public CrossEntropyLoss() {
    }

    /** How the per-example losses are combined (default {@link Reduction#MEAN}); returns {@code this}. */
    public CrossEntropyLoss reduction(Reduction reduction) {
        this.reduction = Losses.requireReduction(reduction);
        return this;
    }

    /** The reduction. */
    public Reduction reduction() {
        return reduction;
    }

    /** Rescales each class's loss by {@code weight[c]} ({@code [classes]}, copied); returns {@code this}. */
    public CrossEntropyLoss weight(Tensor weight) {
        this.weight = Losses.classWeights(NAME, weight);
        return this;
    }

    /** The class weights, or null when every class counts 1. */
    public Tensor weight() {
        return weight == null ? null : Tensor.of(weight);
    }

    /** Class-index targets equal to {@code index} are skipped (default -100, as torch); returns {@code this}. */
    public CrossEntropyLoss ignoreIndex(int index) {
        this.ignoreIndex = index;
        return this;
    }

    /** The ignored target index. */
    public int ignoreIndex() {
        return ignoreIndex;
    }

    /**
     * Mixes the target with the uniform distribution: {@code (1 - eps) target + eps / classes}, with
     * {@code eps} in {@code [0, 1]} (default 0); returns {@code this}.
     */
    public CrossEntropyLoss labelSmoothing(float eps) {
        if (!(eps >= 0 && eps <= 1)) {
            throw new IllegalArgumentException(NAME + ": label smoothing must be in [0, 1], got " + eps);
        }
        this.labelSmoothing = eps;
        return this;
    }

    /** The label smoothing. */
    public float labelSmoothing() {
        return labelSmoothing;
    }

    /** The cross-entropy of logits {@code prediction} against class indices or probabilities {@code target}. */
    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        int rank = prediction.rank();
        boolean probabilities = target.shape().equals(prediction.shape());
        boolean indices = rank == 2 && target.rank() == 1 && target.dim(0) == prediction.dim(0)
                || rank == 1 && target.rank() == 0;
        if (rank < 1 || rank > 2 || !probabilities && !indices) {
            throw new ShapeMismatchException(NAME + ": prediction " + prediction.shape() + " and target "
                    + target.shape() + " do not fit: expected logits [batch, classes] with target [batch] "
                    + "(class indices) or [batch, classes] (probabilities), or logits [classes] with target [] or [classes]");
        }
        int classes = prediction.dim(-1);
        int rows = rank == 2 ? prediction.dim(0) : 1;
        if (classes == 0) {
            throw new ShapeMismatchException(NAME + ": prediction " + prediction.shape() + " has no classes");
        }
        Losses.requireClassWeights(NAME, weight, prediction, classes);
        Shape perExample = rank == 2 ? Shape.of(rows) : Shape.scalar();
        return probabilities
                ? withProbabilities(prediction, target, rows, classes, perExample)
                : withIndices(prediction, target, rows, classes, perExample);
    }

    private Tensor withIndices(Tensor x, Tensor target, int rows, int classes, Shape perExample) {
        int[] targets = ClassTargets.indices(NAME, target, classes, ignoreIndex);
        float[] w = weight;
        float eps = labelSmoothing;
        Reduction r = reduction;
        float[] softmax = Fused.recording(x) ? new float[x.size()] : null;
        float[] losses = new float[rows];
        LossKernels.crossEntropyIndex(x.data(), targets, w, eps, rows, classes, losses, softmax);
        double divisor = r == Reduction.MEAN ? ClassTargets.weightSum(targets, w) : 1;
        float[] out = ClassTargets.reduce(losses, r, divisor);
        return Fused.op("crossEntropy", out, r == Reduction.NONE ? perExample : Shape.scalar(), g -> {
            float[] dx = new float[x.size()];
            LossKernels.crossEntropyIndexGrad(softmax, targets, w, eps, ClassTargets.scale(g, r, rows, divisor),
                    rows, classes, dx);
            x.accumulateGrad(Fused.gradient(dx, x.dims()));
        }, x);
    }

    private Tensor withProbabilities(Tensor x, Tensor target, int rows, int classes, Shape perExample) {
        if (ignoreIndex >= 0) {
            throw new IllegalArgumentException(NAME + ": ignoreIndex " + ignoreIndex
                    + " applies to class-index targets only, the target " + target.shape() + " holds probabilities");
        }
        float[] w = weight;
        float eps = labelSmoothing;
        Reduction r = reduction;
        float[] softmax = Fused.recording(x) ? new float[x.size()] : null;
        float[] logSoftmax = Fused.recording(target) ? new float[x.size()] : null;
        float[] losses = new float[rows];
        float[] t = target.data();
        LossKernels.crossEntropyProb(x.data(), t, w, eps, rows, classes, losses, softmax, logSoftmax);
        float[] out = ClassTargets.reduce(losses, r, rows);
        return Fused.op("crossEntropy", out, r == Reduction.NONE ? perExample : Shape.scalar(), g -> {
            float[] scale = ClassTargets.scale(g, r, rows, rows);
            if (x.requiresGrad()) {
                float[] dx = new float[x.size()];
                LossKernels.crossEntropyProbGrad(softmax, t, w, eps, scale, rows, classes, dx);
                x.accumulateGrad(Fused.gradient(dx, x.dims()));
            }
            if (target.requiresGrad()) {
                float[] dt = new float[x.size()];
                LossKernels.crossEntropyProbTargetGrad(logSoftmax, w, eps, scale, rows, classes, dt);
                target.accumulateGrad(Fused.gradient(dt, target.dims()));
            }
        }, x, target);
    }
}
