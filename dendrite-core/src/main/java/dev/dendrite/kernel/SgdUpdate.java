package dev.dendrite.kernel;

/**
 * One SGD step (momentum, dampening, Nesterov) over a range of elements (see {@link
 * OptimizerKernels#sgd}).
 * A plain loop, which C2 vectorises; each element is computed on its own, so the chunk it falls
 * in does not change its bits.
 */
final class SgdUpdate implements Parallel.RangeBody {

    private final float[] p;
    private final float[] g;
    private final float[] buf;
    private final float negLr;
    private final float momentum;
    private final float keep;
    private final boolean nesterov;
    private final boolean first;
    private final Regularization regularization;

    SgdUpdate(float[] p, float[] g, float[] buf, double lr, double weightDecay, double l1, double momentum,
              double dampening, boolean nesterov, boolean first) {
        this.p = p;
        this.g = g;
        this.buf = buf;
        this.negLr = (float) -lr;
        this.momentum = (float) momentum;
        this.keep = (float) (1 - dampening);
        this.nesterov = nesterov;
        this.first = first;
        this.regularization = new Regularization(weightDecay, l1);
    }

    @Override
    public void run(int from, int to) {
        for (int i = from; i < to; i++) {
            float d = regularization.apply(g[i], p[i]);
            if (buf != null) {
                float b = first ? d : buf[i] * momentum + d * keep;
                buf[i] = b;
                d = nesterov ? d + b * momentum : b;
            }
            p[i] = p[i] + d * negLr;
        }
    }
}
