package dev.dendrite.kernel;

/**
 * One RMSprop step (centered, momentum) over a range of elements (see {@link OptimizerKernels#rmsprop}).
 * A plain loop, which C2 vectorises; each element is computed on its own, so the chunk it falls
 * in does not change its bits.
 */
final class RmspropUpdate implements Parallel.RangeBody {

    private final float[] p;
    private final float[] g;
    private final float[] squareAvg;
    private final float[] gradAvg;
    private final float[] buf;
    private final float negLr;
    private final float alpha;
    private final float oneMinusAlpha;
    private final float eps;
    private final float momentum;
    private final Regularization regularization;

    RmspropUpdate(float[] p, float[] g, float[] squareAvg, float[] gradAvg, float[] buf, double lr, double alpha,
                  double eps, double momentum, double weightDecay, double l1) {
        this.p = p;
        this.g = g;
        this.squareAvg = squareAvg;
        this.gradAvg = gradAvg;
        this.buf = buf;
        this.negLr = (float) -lr;
        this.alpha = (float) alpha;
        this.oneMinusAlpha = (float) (1 - alpha);
        this.eps = (float) eps;
        this.momentum = (float) momentum;
        this.regularization = new Regularization(weightDecay, l1);
    }

    @Override
    public void run(int from, int to) {
        for (int i = from; i < to; i++) {
            float d = regularization.apply(g[i], p[i]);
            float v = squareAvg[i] * alpha + d * oneMinusAlpha * d;
            squareAvg[i] = v;
            float avg;
            if (gradAvg != null) {
                float ga = gradAvg[i] * alpha + d * oneMinusAlpha;
                gradAvg[i] = ga;
                avg = (float) Math.sqrt(v - ga * ga) + eps;
            } else {
                avg = (float) Math.sqrt(v) + eps;
            }
            if (buf != null) {
                float b = buf[i] * momentum + d / avg;
                buf[i] = b;
                p[i] = p[i] + b * negLr;
            } else {
                p[i] = p[i] + d * negLr / avg;
            }
        }
    }
}
