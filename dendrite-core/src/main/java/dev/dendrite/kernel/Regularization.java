package dev.dendrite.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The regularised gradient the optimizer updates read, {@code g + wd * p + l1 * sign(p)}, for a vector
 * of lanes and for one element, with the same float operations in the same order, so a lane and the
 * scalar tail give the same bits.
 */
final class Regularization {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private static final FloatVector MINUS_ONE = FloatVector.broadcast(S, -1f);

    private final float weightDecay;
    private final float l1;

    Regularization(double weightDecay, double l1) {
        this.weightDecay = (float) weightDecay;
        this.l1 = (float) l1;
    }

    /** {@code g + wd * p + l1 * signum(p)}, the terms left out when their strength is 0. */
    float apply(float g, float p) {
        float d = weightDecay == 0f ? g : g + weightDecay * p;
        return l1 == 0f ? d : d + l1 * Math.signum(p);
    }

    /** The same, lane by lane; {@code signum} keeps zeros and NaN as they are, like {@link Math#signum}. */
    FloatVector apply(FloatVector g, FloatVector p) {
        FloatVector d = weightDecay == 0f ? g : g.add(p.mul(weightDecay));
        if (l1 == 0f) {
            return d;
        }
        FloatVector sign = p.blend(ONE, p.compare(VectorOperators.GT, 0f))
                .blend(MINUS_ONE, p.compare(VectorOperators.LT, 0f));
        return d.add(sign.mul(l1));
    }
}
