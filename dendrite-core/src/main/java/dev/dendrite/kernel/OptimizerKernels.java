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
 * few ulps. The loops are memory-bound and written plainly.
 */
public final class OptimizerKernels {

    private OptimizerKernels() {
    }

    /** The gradient with the L2 and L1 regularisation terms added: {@code g + wd * p + l1 * sign(p)}. */
    private static float regularized(float g, float p, float weightDecay, float l1) {
        float d = weightDecay == 0f ? g : g + weightDecay * p;
        return l1 == 0f ? d : d + l1 * Math.signum(p);
    }

    /**
     * SGD: {@code d = g + wd p}; with momentum {@code b = first ? d : momentum b + (1 - dampening) d} and
     * {@code d = nesterov ? d + momentum b : b}; then {@code p -= lr d}. {@code buf} is null without momentum.
     */
    public static void sgd(float[] p, float[] g, float[] buf, double lr, double weightDecay, double l1,
                           double momentum, double dampening, boolean nesterov, boolean first, int n) {
        float negLr = (float) -lr;
        float wd = (float) weightDecay;
        float l1f = (float) l1;
        float mom = (float) momentum;
        float keep = (float) (1 - dampening);
        for (int i = 0; i < n; i++) {
            float d = regularized(g[i], p[i], wd, l1f);
            if (buf != null) {
                float b = first ? d : buf[i] * mom + keep * d;
                buf[i] = b;
                d = nesterov ? d + mom * b : b;
            }
            p[i] += negLr * d;
        }
    }

    /** Adagrad: {@code sum += g^2; p -= clr g / (sqrt(sum) + eps)}. */
    public static void adagrad(float[] p, float[] g, float[] sum, double clr, double eps, double weightDecay,
                               double l1, int n) {
        float negClr = (float) -clr;
        float epsf = (float) eps;
        float wd = (float) weightDecay;
        float l1f = (float) l1;
        for (int i = 0; i < n; i++) {
            float d = regularized(g[i], p[i], wd, l1f);
            float s = sum[i] + d * d;
            sum[i] = s;
            p[i] += negClr * d / ((float) Math.sqrt(s) + epsf);
        }
    }

    /**
     * Adadelta: {@code v = rho v + (1 - rho) g^2; delta = sqrt(u + eps) / sqrt(v + eps) g;
     * u = rho u + (1 - rho) delta^2; p -= lr delta}.
     */
    public static void adadelta(float[] p, float[] g, float[] squareAvg, float[] accDelta, double lr, double rho,
                                double eps, double weightDecay, double l1, int n) {
        float negLr = (float) -lr;
        float rhof = (float) rho;
        float oneMinusRho = (float) (1 - rho);
        float epsf = (float) eps;
        float wd = (float) weightDecay;
        float l1f = (float) l1;
        for (int i = 0; i < n; i++) {
            float d = regularized(g[i], p[i], wd, l1f);
            float v = squareAvg[i] * rhof + oneMinusRho * d * d;
            squareAvg[i] = v;
            float std = (float) Math.sqrt(v + epsf);
            float delta = (float) Math.sqrt(accDelta[i] + epsf) / std * d;
            accDelta[i] = accDelta[i] * rhof + oneMinusRho * delta * delta;
            p[i] += negLr * delta;
        }
    }

    /**
     * RMSprop: {@code v = alpha v + (1 - alpha) g^2}; centered: {@code gAvg = alpha gAvg + (1 - alpha) g} and
     * {@code avg = sqrt(v - gAvg^2) + eps}, else {@code avg = sqrt(v) + eps}; with momentum
     * {@code b = momentum b + g / avg; p -= lr b}, else {@code p -= lr g / avg}. {@code gradAvg} is null
     * unless centered, {@code buf} null without momentum.
     */
    public static void rmsprop(float[] p, float[] g, float[] squareAvg, float[] gradAvg, float[] buf, double lr,
                               double alpha, double eps, double momentum, double weightDecay, double l1, int n) {
        float negLr = (float) -lr;
        float alphaf = (float) alpha;
        float oneMinusAlpha = (float) (1 - alpha);
        float epsf = (float) eps;
        float mom = (float) momentum;
        float wd = (float) weightDecay;
        float l1f = (float) l1;
        for (int i = 0; i < n; i++) {
            float d = regularized(g[i], p[i], wd, l1f);
            float v = squareAvg[i] * alphaf + oneMinusAlpha * d * d;
            squareAvg[i] = v;
            float avg;
            if (gradAvg != null) {
                float ga = gradAvg[i] * alphaf + oneMinusAlpha * d;
                gradAvg[i] = ga;
                avg = (float) Math.sqrt(v + -1f * ga * ga) + epsf;
            } else {
                avg = (float) Math.sqrt(v) + epsf;
            }
            if (buf != null) {
                float b = buf[i] * mom + d / avg;
                buf[i] = b;
                p[i] += negLr * b;
            } else {
                p[i] += negLr * d / avg;
            }
        }
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
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float oneMinusBeta1 = (float) (1 - beta1);
        float oneMinusBeta2 = (float) (1 - beta2);
        float negStep = (float) -stepSize;
        float bc2 = (float) bc2Sqrt;
        float epsf = (float) eps;
        float wd = (float) weightDecay;
        float l1f = (float) l1;
        float decay = (float) decoupledFactor;
        for (int i = 0; i < n; i++) {
            float pi = decoupledFactor == 1 ? p[i] : p[i] * decay;
            float d = regularized(g[i], pi, wd, l1f);
            float m = expAvg[i] * b1 + oneMinusBeta1 * d;
            float v = expAvgSq[i] * b2 + oneMinusBeta2 * d * d;
            expAvg[i] = m;
            expAvgSq[i] = v;
            if (maxExpAvgSq != null) {
                v = Math.max(maxExpAvgSq[i], v);
                maxExpAvgSq[i] = v;
            }
            float denom = (float) Math.sqrt(v) / bc2 + epsf;
            p[i] = pi + negStep * m / denom;
        }
    }

    /** Adamax: {@code m = beta1 m + (1 - beta1) g; u = max(beta2 u, |g| + eps); p -= clr m / u}. */
    public static void adamax(float[] p, float[] g, float[] expAvg, float[] expInf, double beta1, double beta2,
                              double clr, double eps, double weightDecay, double l1, int n) {
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float oneMinusBeta1 = (float) (1 - beta1);
        float negClr = (float) -clr;
        float epsf = (float) eps;
        float wd = (float) weightDecay;
        float l1f = (float) l1;
        for (int i = 0; i < n; i++) {
            float d = regularized(g[i], p[i], wd, l1f);
            float m = expAvg[i] * b1 + oneMinusBeta1 * d;
            float u = Math.max(expInf[i] * b2, Math.abs(d) + epsf);
            expAvg[i] = m;
            expInf[i] = u;
            p[i] += negClr * m / u;
        }
    }

    /**
     * NAdam: {@code m = beta1 m + (1 - beta1) g; v = beta2 v + (1 - beta2) g^2;
     * denom = sqrt(v / bc2) + eps; p += gradFactor g / denom; p += avgFactor m / denom}, where the two
     * (negative) factors carry the learning rate and the momentum schedule.
     */
    public static void nadam(float[] p, float[] g, float[] expAvg, float[] expAvgSq, double beta1, double beta2,
                             double bc2, double eps, double gradFactor, double avgFactor, double weightDecay,
                             double l1, int n) {
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float oneMinusBeta1 = (float) (1 - beta1);
        float oneMinusBeta2 = (float) (1 - beta2);
        float bc2f = (float) bc2;
        float epsf = (float) eps;
        float gf = (float) gradFactor;
        float af = (float) avgFactor;
        float wd = (float) weightDecay;
        float l1f = (float) l1;
        for (int i = 0; i < n; i++) {
            float d = regularized(g[i], p[i], wd, l1f);
            float m = expAvg[i] * b1 + oneMinusBeta1 * d;
            float v = expAvgSq[i] * b2 + oneMinusBeta2 * d * d;
            expAvg[i] = m;
            expAvgSq[i] = v;
            float denom = (float) Math.sqrt(v / bc2f) + epsf;
            float pi = p[i] + gf * d / denom;
            p[i] = pi + af * m / denom;
        }
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
