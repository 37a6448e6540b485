package dev.dendrite.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD reduction kernels over a tensor viewed as {@code [outer, reduced, inner]}: the reduced axes
 * are the middle block, so one kernel serves "sum the last axis" (inner = 1), "sum over the batch"
 * (outer = 1) and everything between.
 */
public final class Reductions {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private Reductions() {
    }

    /** {@code out[o*inner + i] = sum_r x[(o*reduced + r)*inner + i]}. */
    public static void sum(float[] x, int outer, int reduced, int inner, float[] out) {
        if (inner == 1) {
            for (int o = 0; o < outer; o++) {
                out[o] = sumRun(x, o * reduced, reduced);
            }
            return;
        }
        for (int o = 0; o < outer; o++) {
            int outOff = o * inner;
            int base = o * reduced * inner;
            System.arraycopy(x, base, out, outOff, inner);
            for (int r = 1; r < reduced; r++) {
                addRun(out, outOff, x, base + r * inner, inner);
            }
        }
    }

    /** The sum of {@code x[off .. off+n)}, in a fixed lane order (the same result on every run). */
    public static float sumRun(float[] x, int off, int n) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            acc = acc.add(FloatVector.fromArray(S, x, off + i));
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            sum += x[off + i];
        }
        return sum;
    }

    private static void addRun(float[] acc, int accOff, float[] x, int xOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, acc, accOff + i).add(FloatVector.fromArray(S, x, xOff + i))
                    .intoArray(acc, accOff + i);
        }
        for (; i < n; i++) {
            acc[accOff + i] += x[xOff + i];
        }
    }
}
