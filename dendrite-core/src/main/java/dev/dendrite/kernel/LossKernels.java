package dev.dendrite.kernel;

/**
 * Fused loss kernels: cross-entropy from logits (class-index and probability targets) and binary
 * cross-entropy (on probabilities and on logits), forward and backward.
 *
 * <p>Scalar loops in double with {@link Math#exp} and {@link Math#log}, which give the same bits
 * interpreted and compiled, so a loss never changes as the program warms up; the rows of a
 * {@code [rows, classes]} batch are split over the cores, each row finished by one thread, so the
 * results do not depend on the thread count. Reducing the per-row losses is left to the caller.
 */
public final class LossKernels {

    /** torch's lower bound on the logarithms in binary cross-entropy, so that p = 0 or 1 costs 100, not infinity. */
    private static final double LOG_FLOOR = -100;
    /** torch's lower bound on p (1 - p) in the binary cross-entropy gradient. */
    private static final double BCE_GRAD_EPS = 1e-12;

    private LossKernels() {
    }

    // ------------------------------------------------------------------ cross-entropy, class-index targets

    /**
     * Per-row cross-entropy of {@code logits} viewed as {@code [rows, classes]} against class indices
     * ({@code targets[r] < 0} marks an ignored row, whose loss is 0). With log-probabilities
     * {@code lp = logSoftmax(x)}, class weights {@code w} (all 1 when null) and smoothing {@code eps}:
     * {@code loss[r] = (1 - eps) * w[t] * -lp[t] + eps / classes * sum_c w[c] * -lp[c]}.
     * Writes the softmax of each row into {@code softmax} unless it is null.
     */
    public static void crossEntropyIndex(float[] logits, int[] targets, float[] weight, float smoothing,
                                         int rows, int classes, float[] loss, float[] softmax) {
        double keep = 1.0 - smoothing;
        double spread = (double) smoothing / classes;
        Chunks.run(rows, classes, (from, to) -> {
            for (int r = from; r < to; r++) {
                int off = r * classes;
                double max = rowMax(logits, off, classes);
                double sum = expSum(logits, off, classes, max, softmax);
                double logSum = Math.log(sum);
                int t = targets[r];
                if (t < 0) {
                    loss[r] = 0f;
                } else {
                    double nll = -(logits[off + t] - max - logSum) * (weight == null ? 1.0 : weight[t]);
                    double smooth = 0;
                    if (spread != 0) {
                        for (int c = 0; c < classes; c++) {
                            smooth -= (logits[off + c] - max - logSum) * (weight == null ? 1.0 : weight[c]);
                        }
                    }
                    loss[r] = (float) (keep * nll + spread * smooth);
                }
                if (softmax != null) {
                    normalize(softmax, off, classes, sum);
                }
            }
        });
    }

    /**
     * The gradient of {@link #crossEntropyIndex} with respect to the logits, from the saved softmax
     * {@code p}, each row's loss weighted by {@code scale[r]}: with {@code a = 1 - eps},
     * {@code b = eps / classes} and {@code W = sum_c w[c]},
     * {@code dx[r][j] = scale[r] * (p[j] * (a w[t] + b W) - a w[t] [j == t] - b w[j])}; 0 on ignored rows.
     */
    public static void crossEntropyIndexGrad(float[] softmax, int[] targets, float[] weight, float smoothing,
                                             float[] scale, int rows, int classes, float[] dx) {
        double keep = 1.0 - smoothing;
        double spread = (double) smoothing / classes;
        double weightSum = weight == null ? classes : sum(weight);
        Chunks.run(rows, classes, (from, to) -> {
            for (int r = from; r < to; r++) {
                int off = r * classes;
                int t = targets[r];
                if (t < 0) {
                    java.util.Arrays.fill(dx, off, off + classes, 0f);
                    continue;
                }
                double s = scale[r];
                double picked = keep * (weight == null ? 1.0 : weight[t]);
                double onAll = s * (picked + spread * weightSum);
                for (int j = 0; j < classes; j++) {
                    dx[off + j] = (float) (softmax[off + j] * onAll - s * spread * (weight == null ? 1.0 : weight[j]));
                }
                dx[off + t] = (float) (dx[off + t] - s * picked);
            }
        });
    }

    // ------------------------------------------------------------------ cross-entropy, probability targets

    /**
     * Per-row cross-entropy of {@code logits} against target distributions {@code target} (both
     * {@code [rows, classes]}): with {@code q = (1 - eps) * target + eps / classes},
     * {@code loss[r] = -sum_c w[c] * q[c] * lp[c]}. Writes the softmax and the log-softmax of each row
     * into {@code softmax} and {@code logSoftmax} unless they are null.
     */
    public static void crossEntropyProb(float[] logits, float[] target, float[] weight, float smoothing,
                                        int rows, int classes, float[] loss, float[] softmax, float[] logSoftmax) {
        double keep = 1.0 - smoothing;
        double spread = (double) smoothing / classes;
        Chunks.run(rows, classes, (from, to) -> {
            for (int r = from; r < to; r++) {
                int off = r * classes;
                double max = rowMax(logits, off, classes);
                double sum = expSum(logits, off, classes, max, softmax);
                double logSum = Math.log(sum);
                double total = 0;
                for (int c = 0; c < classes; c++) {
                    double lp = logits[off + c] - max - logSum;
                    double q = keep * target[off + c] + spread;
                    total -= (weight == null ? 1.0 : weight[c]) * q * lp;
                    if (logSoftmax != null) {
                        logSoftmax[off + c] = (float) lp;
                    }
                }
                loss[r] = (float) total;
                if (softmax != null) {
                    normalize(softmax, off, classes, sum);
                }
            }
        });
    }

    /**
     * The gradient of {@link #crossEntropyProb} with respect to the logits, each row weighted by
     * {@code scale[r]}: {@code dx[r][j] = scale[r] * (p[j] * sum_c w[c] q[c] - w[j] q[j])}.
     */
    public static void crossEntropyProbGrad(float[] softmax, float[] target, float[] weight, float smoothing,
                                            float[] scale, int rows, int classes, float[] dx) {
        double keep = 1.0 - smoothing;
        double spread = (double) smoothing / classes;
        Chunks.run(rows, classes, (from, to) -> {
            for (int r = from; r < to; r++) {
                int off = r * classes;
                double mass = 0;
                for (int c = 0; c < classes; c++) {
                    mass += (weight == null ? 1.0 : weight[c]) * (keep * target[off + c] + spread);
                }
                double s = scale[r];
                for (int j = 0; j < classes; j++) {
                    double wq = (weight == null ? 1.0 : weight[j]) * (keep * target[off + j] + spread);
                    dx[off + j] = (float) (s * (softmax[off + j] * mass - wq));
                }
            }
        });
    }

    /**
     * The gradient of {@link #crossEntropyProb} with respect to the target distributions, from the saved
     * log-softmax: {@code dt[r][j] = -scale[r] * (1 - eps) * w[j] * lp[j]}.
     */
    public static void crossEntropyProbTargetGrad(float[] logSoftmax, float[] weight, float smoothing,
                                                  float[] scale, int rows, int classes, float[] dt) {
        double keep = 1.0 - smoothing;
        for (int r = 0; r < rows; r++) {
            int off = r * classes;
            for (int j = 0; j < classes; j++) {
                dt[off + j] = (float) (-scale[r] * keep * (weight == null ? 1.0 : weight[j]) * logSoftmax[off + j]);
            }
        }
    }

    // ------------------------------------------------------------------ binary cross-entropy

    /**
     * Elementwise binary cross-entropy of probabilities {@code p} against targets {@code y}, with
     * torch's floor on the logarithms:
     * {@code out = -(y * max(log p, -100) + (1 - y) * max(log(1 - p), -100))}.
     */
    public static void binaryCrossEntropy(float[] p, float[] y, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                double logP = Math.max(Math.log(p[i]), LOG_FLOOR);
                double logNotP = Math.max(Math.log1p(-(double) p[i]), LOG_FLOOR);
                out[i] = (float) -(y[i] * logP + (1.0 - y[i]) * logNotP);
            }
        });
    }

    /**
     * The gradients of {@link #binaryCrossEntropy} times the upstream {@code g}, as torch computes them:
     * {@code dp = g (p - y) / max(p (1 - p), 1e-12)} and {@code dy = g (max(log(1 - p), -100) - max(log p, -100))};
     * either output may be null when not wanted.
     */
    public static void binaryCrossEntropyGrad(float[] p, float[] y, float[] g, float[] dp, float[] dy, int n) {
        Chunks.run(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                double pi = p[i];
                if (dp != null) {
                    dp[i] = (float) (g[i] * (pi - y[i]) / Math.max((1.0 - pi) * pi, BCE_GRAD_EPS));
                }
                if (dy != null) {
                    dy[i] = (float) (g[i] * (Math.max(Math.log1p(-pi), LOG_FLOOR) - Math.max(Math.log(pi), LOG_FLOOR)));
                }
            }
        });
    }

    /**
     * Elementwise binary cross-entropy of logits {@code x} against targets {@code y}, without overflow
     * for any {@code x}: {@code out = (1 - y) x + l * softplus(-x)} where {@code l = 1 + (pw - 1) y} and
     * {@code softplus(-x) = max(-x, 0) + log(1 + e^-|x|)}. {@code posWeight} (null for none) is read
     * cyclically, {@code pw = posWeight[i % posWeight.length]}: one weight per class of the last axis.
     */
    public static void binaryCrossEntropyWithLogits(float[] x, float[] y, float[] posWeight, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                double xi = x[i];
                double logWeight = posWeight == null ? 1.0 : 1.0 + (posWeight[i % posWeight.length] - 1.0) * y[i];
                out[i] = (float) ((1.0 - y[i]) * xi + logWeight * softplusOfMinus(xi));
            }
        });
    }

    /**
     * The gradients of {@link #binaryCrossEntropyWithLogits} times the upstream {@code g}:
     * {@code dx = g ((1 - y) - l sigmoid(-x))}, which is {@code g (sigmoid(x) - y)} without a positive
     * weight, and {@code dy = g (-x + (pw - 1) softplus(-x))}; either output may be null.
     */
    public static void binaryCrossEntropyWithLogitsGrad(float[] x, float[] y, float[] posWeight, float[] g,
                                                        float[] dx, float[] dy, int n) {
        Chunks.run(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                double xi = x[i];
                double pw = posWeight == null ? 1.0 : posWeight[i % posWeight.length];
                if (dx != null) {
                    double logWeight = 1.0 + (pw - 1.0) * y[i];
                    double sigmoidOfMinus = xi >= 0 ? Math.exp(-xi) / (1.0 + Math.exp(-xi)) : 1.0 / (1.0 + Math.exp(xi));
                    dx[i] = (float) (g[i] * ((1.0 - y[i]) - logWeight * sigmoidOfMinus));
                }
                if (dy != null) {
                    dy[i] = (float) (g[i] * (-xi + (pw - 1.0) * softplusOfMinus(xi)));
                }
            }
        });
    }

    // ------------------------------------------------------------------ helpers

    private static double softplusOfMinus(double x) {
        return Math.max(-x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    private static double rowMax(float[] x, int off, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, x[off + i]);
        }
        return max;
    }

    /** {@code sum_i e^(x_i - max)}, storing each term into {@code terms} unless it is null. */
    private static double expSum(float[] x, int off, int n, double max, float[] terms) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.exp(x[off + i] - max);
            sum += e;
            if (terms != null) {
                terms[off + i] = (float) e;
            }
        }
        return sum;
    }

    private static void normalize(float[] terms, int off, int n, double sum) {
        double inverse = 1.0 / sum;
        for (int i = 0; i < n; i++) {
            terms[off + i] = (float) (terms[off + i] * inverse);
        }
    }

    private static double sum(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum;
    }
}
