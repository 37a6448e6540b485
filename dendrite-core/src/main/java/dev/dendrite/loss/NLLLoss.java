package dev.dendrite.loss;

import dev.dendrite.tensor.Fused;
import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.ShapeMismatchException;
import dev.dendrite.tensor.Tensor;

/**
 * Negative log-likelihood of log-probabilities, as torch.nn.NLLLoss: for input {@code [batch, classes]}
 * (or {@code [classes]}), typically a {@code logSoftmax}, and class indices {@code y} ({@code [batch]} or
 * {@code []}, integer values stored as floats), {@code loss_i = -w[y_i] * input_i[y_i]}. Targets equal to
 * {@link #ignoreIndex()} contribute nothing; the mean divides by {@code sum_i w[y_i]} over the rest.
 * {@code NLLLoss} after {@code logSoftmax} equals {@link CrossEntropyLoss}, which is faster.
 */
public final class NLLLoss implements Loss {

    private static final String NAME = "NLLLoss";

    private Reduction reduction = Reduction.MEAN;
    private float[] weight;
    private int ignoreIndex = -100;

    /** Mean negative log-likelihood, no class weights, ignore index -100 (torch's defaults). */
    public NLLLoss() {
    }

    /** How the per-example losses are combined (default {@link Reduction#MEAN}); returns {@code this}. */
    public NLLLoss reduction(Reduction reduction) {
        this.reduction = Losses.requireReduction(reduction);
        return this;
    }

    /** The reduction. */
    public Reduction reduction() {
        return reduction;
    }

    /** Rescales each class's loss by {@code weight[c]} ({@code [classes]}, copied); returns {@code this}. */
    public NLLLoss weight(Tensor weight) {
        this.weight = Losses.classWeights(NAME, weight);
        return this;
    }

    /** The class weights, or null when every class counts 1. */
    public Tensor weight() {
        return weight == null ? null : Tensor.of(weight);
    }

    /** Targets equal to {@code index} are skipped (default -100, as torch); returns {@code this}. */
    public NLLLoss ignoreIndex(int index) {
        this.ignoreIndex = index;
        return this;
    }

    /** The ignored target index. */
    public int ignoreIndex() {
        return ignoreIndex;
    }

    /** The negative log-likelihood of log-probabilities {@code prediction} at class indices {@code target}. */
    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        int rank = prediction.rank();
        if (!(rank == 2 && target.rank() == 1 && target.dim(0) == prediction.dim(0) || rank == 1 && target.rank() == 0)) {
            throw new ShapeMismatchException(NAME + ": prediction " + prediction.shape() + " and target "
                    + target.shape() + " do not fit: expected log-probabilities [batch, classes] with class indices "
                    + "[batch], or [classes] with []");
        }
        int classes = prediction.dim(-1);
        int rows = rank == 2 ? prediction.dim(0) : 1;
        Losses.requireClassWeights(NAME, weight, prediction, classes);
        int[] targets = ClassTargets.indices(NAME, target, classes, ignoreIndex);
        float[] w = weight;
        Reduction r = reduction;
        float[] x = prediction.data();
        float[] losses = new float[rows];
        for (int i = 0; i < rows; i++) {
            int t = targets[i];
            losses[i] = t < 0 ? 0f : -x[i * classes + t] * (w == null ? 1f : w[t]);
        }
        double divisor = r == Reduction.MEAN ? ClassTargets.weightSum(targets, w) : 1;
        float[] out = ClassTargets.reduce(losses, r, divisor);
        Shape shape = r != Reduction.NONE ? Shape.scalar() : rank == 2 ? Shape.of(rows) : Shape.scalar();
        return Fused.op("nllLoss", out, shape, g -> {
            float[] scale = ClassTargets.scale(g, r, rows, divisor);
            float[] dx = new float[prediction.size()];
            for (int i = 0; i < rows; i++) {
                int t = targets[i];
                if (t >= 0) {
                    dx[i * classes + t] = -scale[i] * (w == null ? 1f : w[t]);
                }
            }
            prediction.accumulateGrad(Fused.gradient(dx, prediction.dims()));
        }, prediction);
    }
}
