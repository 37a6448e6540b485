package dev.dendrite.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD row kernels for comparisons (0/1 masks) and selection by a condition. Like
 * {@link Elementwise}, each operand has a step of 1 (a run) or 0 (one value repeated), which is how
 * broadcasting reaches them.
 */
public final class CompareKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final FloatVector ZERO = FloatVector.zero(S);
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);

    private CompareKernels() {
    }

    /** The comparisons, with Java's float semantics (any comparison with NaN is false, except NE). */
    public enum Op {
        /** a == b */
        EQ,
        /** a != b */
        NE,
        /** a > b */
        GT,
        /** a >= b */
        GE,
        /** a < b */
        LT,
        /** a <= b */
        LE
    }

    private static FloatVector load(float[] x, int off, int step, int i, VectorMask<Float> m) {
        return step == 0 ? FloatVector.broadcast(S, x[off]) : FloatVector.fromArray(S, x, off + i, m);
    }

    /** {@code out[outOff + i] = (a[aOff + i*aStep] op b[bOff + i*bStep]) ? 1 : 0} for {@code i < n}. */
    public static void compare(Op op, float[] a, int aOff, int aStep, float[] b, int bOff, int bStep,
                               float[] out, int outOff, int n) {
        VectorOperators.Comparison test = switch (op) {
            case EQ, NE -> VectorOperators.EQ;
            case GT -> VectorOperators.GT;
            case GE -> VectorOperators.GE;
            case LT -> VectorOperators.LT;
            case LE -> VectorOperators.LE;
        };
        // NE is the negation of EQ, so that NaN != NaN holds as in Java.
        boolean negate = op == Op.NE;
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            VectorMask<Float> hit = load(a, aOff, aStep, i, m).compare(test, load(b, bOff, bStep, i, m));
            (negate ? ONE.blend(ZERO, hit) : ZERO.blend(ONE, hit)).intoArray(out, outOff + i, m);
        }
    }

    /**
     * {@code out[outOff + i] = c[..] != 0 ? t[..] : f[..]} for {@code i < n}, each operand with its
     * own offset and step (a NaN condition counts as true, being non-zero).
     */
    public static void select(float[] c, int cOff, int cStep, float[] t, int tOff, int tStep,
                              float[] f, int fOff, int fStep, float[] out, int outOff, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            VectorMask<Float> isFalse = load(c, cOff, cStep, i, m).compare(VectorOperators.EQ, 0f);
            load(t, tOff, tStep, i, m).blend(load(f, fOff, fStep, i, m), isFalse).intoArray(out, outOff + i, m);
        }
    }

    /**
     * Splits the gradient {@code g[gOff + i]} by a condition: {@code whenTrue} gets it where
     * {@code c[cOff + i*cStep] != 0} and 0 elsewhere, {@code whenFalse} the rest. Both are laid out
     * like {@code g}; either may be null when not wanted.
     */
    public static void split(float[] c, int cOff, int cStep, float[] g, int gOff,
                             float[] whenTrue, float[] whenFalse, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            VectorMask<Float> isFalse = load(c, cOff, cStep, i, m).compare(VectorOperators.EQ, 0f);
            FloatVector vg = FloatVector.fromArray(S, g, gOff + i, m);
            if (whenTrue != null) {
                vg.blend(ZERO, isFalse).intoArray(whenTrue, gOff + i, m);
            }
            if (whenFalse != null) {
                ZERO.blend(vg, isFalse).intoArray(whenFalse, gOff + i, m);
            }
        }
    }
}
