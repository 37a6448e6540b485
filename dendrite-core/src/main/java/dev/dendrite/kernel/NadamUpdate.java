package dev.dendrite.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * One NAdam step over a range of elements (see {@link OptimizerKernels#nadam}): vector loop and scalar
 * tail with the same float operations in the same order.
 */
final class NadamUpdate implements Parallel.RangeBody {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

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
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector d = regularization.apply(FloatVector.fromArray(S, g, i), pv);
            FloatVector m = FloatVector.fromArray(S, expAvg, i).mul(beta1).add(d.mul(oneMinusBeta1));
            FloatVector v = FloatVector.fromArray(S, expAvgSq, i).mul(beta2).add(d.mul(oneMinusBeta2).mul(d));
            m.intoArray(expAvg, i);
            v.intoArray(expAvgSq, i);
            FloatVector denom = v.div(bc2).sqrt().add(eps);
            pv.add(d.mul(gradFactor).div(denom)).add(m.mul(avgFactor).div(denom)).intoArray(p, i);
        }
        for (; i < to; i++) {
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
