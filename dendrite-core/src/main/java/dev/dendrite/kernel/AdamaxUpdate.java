package dev.dendrite.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * One Adamax step over a range of elements (see {@link OptimizerKernels#adamax}): vector loop and
 * scalar tail with the same float operations in the same order.
 */
final class AdamaxUpdate implements Parallel.RangeBody {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

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
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector d = regularization.apply(FloatVector.fromArray(S, g, i), pv);
            FloatVector m = FloatVector.fromArray(S, expAvg, i).mul(beta1).add(d.mul(oneMinusBeta1));
            FloatVector u = FloatVector.fromArray(S, expInf, i).mul(beta2).max(d.abs().add(eps));
            m.intoArray(expAvg, i);
            u.intoArray(expInf, i);
            pv.add(m.mul(negClr).div(u)).intoArray(p, i);
        }
        for (; i < to; i++) {
            float d = regularization.apply(g[i], p[i]);
            float m = expAvg[i] * beta1 + d * oneMinusBeta1;
            float u = Math.max(expInf[i] * beta2, Math.abs(d) + eps);
            expAvg[i] = m;
            expInf[i] = u;
            p[i] = p[i] + m * negClr / u;
        }
    }
}
