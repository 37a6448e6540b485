package dev.dendrite.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * One RMSprop step (centered, momentum) over a range of elements (see {@link OptimizerKernels#rmsprop}):
 * vector loop and scalar tail with the same float operations in the same order.
 */
final class RmspropUpdate implements Parallel.RangeBody {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

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
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector d = regularization.apply(FloatVector.fromArray(S, g, i), pv);
            FloatVector v = FloatVector.fromArray(S, squareAvg, i).mul(alpha).add(d.mul(oneMinusAlpha).mul(d));
            v.intoArray(squareAvg, i);
            FloatVector avg;
            if (gradAvg != null) {
                FloatVector ga = FloatVector.fromArray(S, gradAvg, i).mul(alpha).add(d.mul(oneMinusAlpha));
                ga.intoArray(gradAvg, i);
                avg = v.sub(ga.mul(ga)).sqrt().add(eps);
            } else {
                avg = v.sqrt().add(eps);
            }
            if (buf != null) {
                FloatVector b = FloatVector.fromArray(S, buf, i).mul(momentum).add(d.div(avg));
                b.intoArray(buf, i);
                pv.add(b.mul(negLr)).intoArray(p, i);
            } else {
                pv.add(d.mul(negLr).div(avg)).intoArray(p, i);
            }
        }
        for (; i < to; i++) {
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
