package dev.dendrite.kernel;

/**
 * One Adadelta step over a range of elements (see {@link OptimizerKernels#adadelta}).
 * A plain loop, which C2 vectorises; each element is computed on its own, so the chunk it falls
 * in does not change its bits.
 */
final class AdadeltaUpdate implements Parallel.RangeBody {

    private final float[] p;
    private final float[] g;
    private final float[] squareAvg;
    private final float[] accDelta;
    private final float negLr;
    private final float rho;
    private final float oneMinusRho;
    private final float eps;
    private final Regularization regularization;

    AdadeltaUpdate(float[] p, float[] g, float[] squareAvg, float[] accDelta, double lr, double rho, double eps,
                   double weightDecay, double l1) {
        this.p = p;
        this.g = g;
        this.squareAvg = squareAvg;
        this.accDelta = accDelta;
        this.negLr = (float) -lr;
        this.rho = (float) rho;
        this.oneMinusRho = (float) (1 - rho);
        this.eps = (float) eps;
        this.regularization = new Regularization(weightDecay, l1);
    }

    @Override
    public void run(int from, int to) {
        for (int i = from; i < to; i++) {
            float d = regularization.apply(g[i], p[i]);
            float v = squareAvg[i] * rho + d * oneMinusRho * d;
            squareAvg[i] = v;
            float u = accDelta[i];
            float delta = (float) Math.sqrt(u + eps) / (float) Math.sqrt(v + eps) * d;
            accDelta[i] = u * rho + delta * oneMinusRho * delta;
            p[i] = p[i] + delta * negLr;
        }
    }
}
