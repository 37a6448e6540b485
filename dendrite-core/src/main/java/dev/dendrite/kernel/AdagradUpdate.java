package dev.dendrite.kernel;

/**
 * One Adagrad step over a range of elements (see {@link OptimizerKernels#adagrad}).
 * A plain loop, which C2 vectorises; each element is computed on its own, so the chunk it falls
 * in does not change its bits.
 */
final class AdagradUpdate implements Parallel.RangeBody {

    private final float[] p;
    private final float[] g;
    private final float[] sum;
    private final float negClr;
    private final float eps;
    private final Regularization regularization;

    AdagradUpdate(float[] p, float[] g, float[] sum, double clr, double eps, double weightDecay, double l1) {
        this.p = p;
        this.g = g;
        this.sum = sum;
        this.negClr = (float) -clr;
        this.eps = (float) eps;
        this.regularization = new Regularization(weightDecay, l1);
    }

    @Override
    public void run(int from, int to) {
        for (int i = from; i < to; i++) {
            float d = regularization.apply(g[i], p[i]);
            float s = sum[i] + d * d;
            sum[i] = s;
            p[i] = p[i] + d * negClr / ((float) Math.sqrt(s) + eps);
        }
    }
}
