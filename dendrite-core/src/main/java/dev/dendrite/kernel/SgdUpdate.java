package dev.dendrite.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * One SGD step (momentum, dampening, Nesterov) over a range of elements (see
 * {@link OptimizerKernels#sgd}): vector loop and scalar tail with the same float operations in the
 * same order.
 */
final class SgdUpdate implements Parallel.RangeBody {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

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
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
            FloatVector pv = FloatVector.fromArray(S, p, i);
            FloatVector d = regularization.apply(FloatVector.fromArray(S, g, i), pv);
            if (buf != null) {
                FloatVector b = first ? d : FloatVector.fromArray(S, buf, i).mul(momentum).add(d.mul(keep));
                b.intoArray(buf, i);
                d = nesterov ? d.add(b.mul(momentum)) : b;
            }
            pv.add(d.mul(negLr)).intoArray(p, i);
        }
        for (; i < to; i++) {
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
