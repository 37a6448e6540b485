package dev.dendrite.kernel;

/**
 * The per-element update loops of the optimizers in {@code dev.dendrite.optim}, on flat {@code float[]}
 * runs of parameter values, gradients and optimizer state.
 *
 * <p>Every loop reads the raw gradient and adds the L2 term {@code weightDecay * p} and the L1 term
 * {@code l1 * sign(p)} on the fly, so the parameter's gradient is never modified and nothing is
 * allocated. Hyper-parameters and scalar factors (bias corrections, step sizes) arrive as double; each
 * factor, including {@code 1 - beta}, is computed in double and rounded once to float, and the
 * per-element arithmetic is float32 in the order torch.optim uses, so results agree with PyTorch to a
 * few ulps.
 *
 * <p>Each update is one class per rule ({@code AdamUpdate}, {@code SgdUpdate}, ...) running over a range
 * of elements; large parameters are split over the cores in fixed chunks. Every element is computed on
 * its own, so results are identical for any thread count. The loops are plain Java on purpose: C2
 * vectorises them (about 1.5 cycles per element for Adam in cache), they are memory-bound at model
 * sizes, and Vector API code would allocate a box per operation until C2 compiles it, which in the
 * first epoch of training came to ~325 MB of garbage for Adam alone, enough to make G1 grow its heap.
 */
public final class OptimizerKernels {

    private OptimizerKernels() {
    }

    /**
     * SGD: {@code d = g + wd p}; with momentum {@code b = first ? d : momentum b + (1 - dampening) d} and
     * {@code d = nesterov ? d + momentum b : b}; then {@code p -= lr d}. {@code buf} is null without momentum.
     */
    public static void sgd(float[] p, float[] g, float[] buf, double lr, double weightDecay, double l1,
                           double momentum, double dampening, boolean nesterov, boolean first, int n) {
        Chunks.run(n, new SgdUpdate(p, g, buf, lr, weightDecay, l1, momentum, dampening, nesterov, first));
    }

    /** Adagrad: {@code sum += g^2; p -= clr g / (sqrt(sum) + eps)}. */
    public static void adagrad(float[] p, float[] g, float[] sum, double clr, double eps, double weightDecay,
                               double l1, int n) {
        Chunks.run(n, new AdagradUpdate(p, g, sum, clr, eps, weightDecay, l1));
    }

    /**
     * Adadelta: {@code v = rho v + (1 - rho) g^2; delta = sqrt(u + eps) / sqrt(v + eps) g;
     * u = rho u + (1 - rho) delta^2; p -= lr delta}.
     */
    public static void adadelta(float[] p, float[] g, float[] squareAvg, float[] accDelta, double lr, double rho,
                                double eps, double weightDecay, double l1, int n) {
        Chunks.run(n, new AdadeltaUpdate(p, g, squareAvg, accDelta, lr, rho, eps, weightDecay, l1));
    }

    /**
     * RMSprop: {@code v = alpha v + (1 - alpha) g^2}; centered: {@code gAvg = alpha gAvg + (1 - alpha) g} and
     * {@code avg = sqrt(v - gAvg^2) + eps}, else {@code avg = sqrt(v) + eps}; with momentum
     * {@code b = momentum b + g / avg; p -= lr b}, else {@code p -= lr g / avg}. {@code gradAvg} is null
     * unless centered, {@code buf} null without momentum.
     */
    public static void rmsprop(float[] p, float[] g, float[] squareAvg, float[] gradAvg, float[] buf, double lr,
                               double alpha, double eps, double momentum, double weightDecay, double l1, int n) {
        Chunks.run(n, new RmspropUpdate(p, g, squareAvg, gradAvg, buf, lr, alpha, eps, momentum, weightDecay,
                l1));
    }

    /**
     * Adam and AdamW: {@code p *= decoupledFactor} (AdamW's {@code 1 - lr wd}, 1 for Adam);
     * {@code m = beta1 m + (1 - beta1) g; v = beta2 v + (1 - beta2) g^2}; with AMSGrad
     * {@code vMax = max(vMax, v)} replaces v below; {@code p -= stepSize m / (sqrt(v) / bc2Sqrt + eps)}.
     * {@code maxExpAvgSq} is null unless AMSGrad.
     */
    public static void adam(float[] p, float[] g, float[] expAvg, float[] expAvgSq, float[] maxExpAvgSq,
                            double beta1, double beta2, double stepSize, double bc2Sqrt, double eps,
                            double weightDecay, double l1, double decoupledFactor, int n) {
        Chunks.run(n, new AdamUpdate(p, g, expAvg, expAvgSq, maxExpAvgSq, beta1, beta2, stepSize, bc2Sqrt, eps,
                weightDecay, l1, decoupledFactor));
    }

    /** Adamax: {@code m = beta1 m + (1 - beta1) g; u = max(beta2 u, |g| + eps); p -= clr m / u}. */
    public static void adamax(float[] p, float[] g, float[] expAvg, float[] expInf, double beta1, double beta2,
                              double clr, double eps, double weightDecay, double l1, int n) {
        Chunks.run(n, new AdamaxUpdate(p, g, expAvg, expInf, beta1, beta2, clr, eps, weightDecay, l1));
    }

    /**
     * NAdam: {@code m = beta1 m + (1 - beta1) g; v = beta2 v + (1 - beta2) g^2;
     * denom = sqrt(v / bc2) + eps; p += gradFactor g / denom; p += avgFactor m / denom}, where the two
     * (negative) factors carry the learning rate and the momentum schedule.
     */
    public static void nadam(float[] p, float[] g, float[] expAvg, float[] expAvgSq, double beta1, double beta2,
                             double bc2, double eps, double gradFactor, double avgFactor, double weightDecay,
                             double l1, int n) {
        Chunks.run(n, new NadamUpdate(p, g, expAvg, expAvgSq, beta1, beta2, bc2, eps, gradFactor, avgFactor,
                weightDecay, l1));
    }

    /** The sum of squares of {@code x[0..n)}, accumulated in double. */
    public static double sumOfSquares(float[] x, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (double) x[i] * x[i];
        }
        return sum;
    }

    /** The largest absolute value in {@code x[0..n)} (NaN if any value is NaN). */
    public static float maxAbs(float[] x, int n) {
        float max = 0f;
        for (int i = 0; i < n; i++) {
            float a = Math.abs(x[i]);
            if (Float.isNaN(a)) {
                return Float.NaN;
            }
            max = Math.max(max, a);
        }
        return max;
    }

    /** {@code x[i] *= factor} for {@code i < n}. */
    public static void scale(float[] x, double factor, int n) {
        Elementwise.scale(x, (float) factor, n);
    }

    /** Limits every value of {@code x[0..n)} to {@code [-clip, clip]} (NaN stays NaN). */
    public static void clamp(float[] x, double clip, int n) {
        float c = (float) clip;
        for (int i = 0; i < n; i++) {
            x[i] = Math.max(-c, Math.min(c, x[i]));
        }
    }
}
