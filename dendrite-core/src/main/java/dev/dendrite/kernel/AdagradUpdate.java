package dev.dendrite.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * One Adagrad step over a range of elements (see {@link OptimizerKernels#adagrad}): vector loop and
 * scalar tail with the same float operations in the same order.
 */
final class AdagradUpdate implements Parallel.RangeBody {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

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
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector d = regularization.apply(FloatVector.fromArray(S, g, i), pv);
            FloatVector s = FloatVector.fromArray(S, sum, i).add(d.mul(d));
            s.intoArray(sum, i);
            pv.add(d.mul(negClr).div(s.sqrt().add(eps))).intoArray(p, i);
        }
        for (; i < to; i++) {
            float d = regularization.apply(g[i], p[i]);
            float s = sum[i] + d * d;
            sum[i] = s;
            p[i] = p[i] + d * negClr / ((float) Math.sqrt(s) + eps);
        }
    }
}
