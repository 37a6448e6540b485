package dev.dendrite.kernel;

/**
 * One Adamax step over a range of elements (see {@link OptimizerKernels#adamax}).
 * A plain loop, which C2 vectorises; each element is computed on its own, so the chunk it falls
 * in does not change its bits.
 */
final class AdamaxUpdate implements Parallel.RangeBody {

    private final float[] p;
    private final float[] g;
    private final float[] expAvg;
    private final float[] expInf;
    private final float beta1;
    private final float beta2;
    private final float oneMinusBeta1;
    private final float negClr;
    private final float eps;
    private final Regularization regularization;

    AdamaxUpdate(float[] p, float[] g, float[] expAvg, float[] expInf, double beta1, double beta2, double clr,
                 double eps, double weightDecay, double l1) {
        this.p = p;
        this.g = g;
        this.expAvg = expAvg;
        this.expInf = expInf;
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.oneMinusBeta1 = (float) (1 - beta1);
        this.negClr = (float) -clr;
        this.eps = (float) eps;
        this.regularization = new Regularization(weightDecay, l1);
    }

    @Override
    public void run(int from, int to) {
        for (int i = from; i < to; i++) {
            float d = regularization.apply(g[i], p[i]);
            float m = expAvg[i] * beta1 + d * oneMinusBeta1;
            float u = Math.max(expInf[i] * beta2, Math.abs(d) + eps);
            expAvg[i] = m;
            expInf[i] = u;
            p[i] = p[i] + m * negClr / u;
        }
    }
}
