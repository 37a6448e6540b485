package dev.dendrite.kernel;

/**
 * One NAdam step over a range of elements (see {@link OptimizerKernels#nadam}).
 * A plain loop, which C2 vectorises; each element is computed on its own, so the chunk it falls
 * in does not change its bits.
 */
final class NadamUpdate implements Parallel.RangeBody {

    private final float[] p;
    private final float[] g;
    private final float[] expAvg;
    private final float[] expAvgSq;
    private final float beta1;
    private final float beta2;
    private final float oneMinusBeta1;
    private final float oneMinusBeta2;
    private final float bc2;
    private final float eps;
    private final float gradFactor;
    private final float avgFactor;
    private final Regularization regularization;

    NadamUpdate(float[] p, float[] g, float[] expAvg, float[] expAvgSq, double beta1, double beta2, double bc2,
                double eps, double gradFactor, double avgFactor, double weightDecay, double l1) {
        this.p = p;
        this.g = g;
        this.expAvg = expAvg;
        this.expAvgSq = expAvgSq;
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.oneMinusBeta1 = (float) (1 - beta1);
        this.oneMinusBeta2 = (float) (1 - beta2);
        this.bc2 = (float) bc2;
        this.eps = (float) eps;
        this.gradFactor = (float) gradFactor;
        this.avgFactor = (float) avgFactor;
        this.regularization = new Regularization(weightDecay, l1);
    }

    @Override
    public void run(int from, int to) {
        for (int i = from; i < to; i++) {
            float d = regularization.apply(g[i], p[i]);
            float m = expAvg[i] * beta1 + d * oneMinusBeta1;
            float v = expAvgSq[i] * beta2 + d * oneMinusBeta2 * d;
            expAvg[i] = m;
            expAvgSq[i] = v;
            float denom = (float) Math.sqrt(v / bc2) + eps;
            p[i] = p[i] + d * gradFactor / denom + m * avgFactor / denom;
        }
    }
}
