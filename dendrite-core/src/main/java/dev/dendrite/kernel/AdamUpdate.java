package dev.dendrite.kernel;

/**
 * One Adam / AdamW / AMSGrad step over a range of elements (see {@link OptimizerKernels#adam}).
 * A plain loop, which C2 vectorises; each element is computed on its own, so the chunk it falls
 * in does not change its bits.
 */
final class AdamUpdate implements Parallel.RangeBody {

    private final float[] p;
    private final float[] g;
    private final float[] expAvg;
    private final float[] expAvgSq;
    private final float[] maxExpAvgSq;
    private final float beta1;
    private final float beta2;
    private final float oneMinusBeta1;
    private final float oneMinusBeta2;
    private final float negStep;
    private final float bc2Sqrt;
    private final float eps;
    private final boolean decoupled;
    private final float decay;
    private final Regularization regularization;

    AdamUpdate(float[] p, float[] g, float[] expAvg, float[] expAvgSq, float[] maxExpAvgSq, double beta1,
               double beta2, double stepSize, double bc2Sqrt, double eps, double weightDecay, double l1,
               double decoupledFactor) {
        this.p = p;
        this.g = g;
        this.expAvg = expAvg;
        this.expAvgSq = expAvgSq;
        this.maxExpAvgSq = maxExpAvgSq;
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.oneMinusBeta1 = (float) (1 - beta1);
        this.oneMinusBeta2 = (float) (1 - beta2);
        this.negStep = (float) -stepSize;
        this.bc2Sqrt = (float) bc2Sqrt;
        this.eps = (float) eps;
        this.decoupled = decoupledFactor != 1;
        this.decay = (float) decoupledFactor;
        this.regularization = new Regularization(weightDecay, l1);
    }

    @Override
    public void run(int from, int to) {
        for (int i = from; i < to; i++) {
            float pi = decoupled ? p[i] * decay : p[i];
            float d = regularization.apply(g[i], pi);
            float m = expAvg[i] * beta1 + d * oneMinusBeta1;
            float v = expAvgSq[i] * beta2 + d * oneMinusBeta2 * d;
            expAvg[i] = m;
            expAvgSq[i] = v;
            if (maxExpAvgSq != null) {
                v = Math.max(maxExpAvgSq[i], v);
                maxExpAvgSq[i] = v;
            }
            float denom = (float) Math.sqrt(v) / bc2Sqrt + eps;
            p[i] = pi + m * negStep / denom;
        }
    }
}
