package dev.dendrite.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * One Adadelta step over a range of elements (see {@link OptimizerKernels#adadelta}): vector loop and
 * scalar tail with the same float operations in the same order.
 */
final class AdadeltaUpdate implements Parallel.RangeBody {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

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
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector d = regularization.apply(FloatVector.fromArray(S, g, i), pv);
            FloatVector v = FloatVector.fromArray(S, squareAvg, i).mul(rho).add(d.mul(oneMinusRho).mul(d));
            v.intoArray(squareAvg, i);
            FloatVector u = FloatVector.fromArray(S, accDelta, i);
            FloatVector delta = u.add(eps).sqrt().div(v.add(eps).sqrt()).mul(d);
            u.mul(rho).add(delta.mul(oneMinusRho).mul(delta)).intoArray(accDelta, i);
            pv.add(delta.mul(negLr)).intoArray(p, i);
        }
        for (; i < to; i++) {
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
