package dev.dendrite.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels for elementwise math and its gradients: exp, log, sqrt, abs, pow, clamp, and the
 * broadcasting row kernels of maximum and minimum.
 *
 * <p>Each kernel writes {@code out[i]} for {@code i < n} from the inputs at the same index; the tail
 * that does not fill a vector runs as one masked vector, so every element goes through the same
 * arithmetic. Large arrays are split over the cores.
 */
public final class MathKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final FloatVector ZERO = FloatVector.zero(S);
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private static final FloatVector HALF = FloatVector.broadcast(S, 0.5f);

    private MathKernels() {
    }

    /** {@code out = e^x}. */
    public static void exp(float[] x, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                VectorMath.exp(FloatVector.fromArray(S, x, i)).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                VectorMath.exp(FloatVector.fromArray(S, x, i, m)).intoArray(out, i, m);
            }
        });
    }

    /** {@code out = ln(x)}. */
    public static void log(float[] x, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                VectorMath.log(FloatVector.fromArray(S, x, i)).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                VectorMath.log(FloatVector.fromArray(S, x, i, m)).intoArray(out, i, m);
            }
        });
    }

    /** {@code out = sqrt(x)}. */
    public static void sqrt(float[] x, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                FloatVector.fromArray(S, x, i).sqrt().intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                FloatVector.fromArray(S, x, i, m).sqrt().intoArray(out, i, m);
            }
        });
    }

    /** The gradient of sqrt from its output {@code y}: {@code out = g / (2 y)}. */
    public static void sqrtGrad(float[] y, float[] g, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                FloatVector.fromArray(S, g, i).mul(HALF).div(FloatVector.fromArray(S, y, i)).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                FloatVector.fromArray(S, g, i, m).mul(HALF).div(FloatVector.fromArray(S, y, i, m))
                        .intoArray(out, i, m);
            }
        });
    }

    /** {@code out = |x|}. */
    public static void abs(float[] x, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                FloatVector.fromArray(S, x, i).abs().intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                FloatVector.fromArray(S, x, i, m).abs().intoArray(out, i, m);
            }
        });
    }

    /** The gradient of abs: {@code out = g * sign(x)}, 0 where x is 0. */
    public static void absGrad(float[] x, float[] g, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                absGrad(FloatVector.fromArray(S, x, i), FloatVector.fromArray(S, g, i)).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                absGrad(FloatVector.fromArray(S, x, i, m), FloatVector.fromArray(S, g, i, m)).intoArray(out, i, m);
            }
        });
    }

    private static FloatVector absGrad(FloatVector x, FloatVector g) {
        return ZERO.blend(g, x.compare(VectorOperators.GT, 0f)).blend(g.neg(), x.compare(VectorOperators.LT, 0f));
    }

    /** {@code out = x^p}, with the same special values as {@link Math#pow}. */
    public static void pow(float[] x, float p, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                pow(FloatVector.fromArray(S, x, i), p).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                pow(FloatVector.fromArray(S, x, i, m), p).intoArray(out, i, m);
            }
        });
    }

    private static FloatVector pow(FloatVector x, float p) {
        if (p == 2f) {
            return x.mul(x);
        }
        if (p == 1f) {
            return x;
        }
        return VectorMath.pow(x, p);
    }

    /** The gradient of {@code x^p}: {@code out = g * p * x^(p-1)}; 0 when {@code p == 0}. */
    public static void powGrad(float[] x, float p, float[] g, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                powGrad(FloatVector.fromArray(S, x, i), p, FloatVector.fromArray(S, g, i)).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                powGrad(FloatVector.fromArray(S, x, i, m), p, FloatVector.fromArray(S, g, i, m)).intoArray(out, i, m);
            }
        });
    }

    private static FloatVector powGrad(FloatVector x, float p, FloatVector g) {
        if (p == 0f) {
            return ZERO;
        }
        return pow(x, p - 1f).mul(p).mul(g);
    }

    /** {@code out = min(max(x, lo), hi)}; NaN stays NaN. */
    public static void clamp(float[] x, float lo, float hi, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                FloatVector.fromArray(S, x, i).max(lo).min(hi).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                FloatVector.fromArray(S, x, i, m).max(lo).min(hi).intoArray(out, i, m);
            }
        });
    }

    /** The gradient of clamp: {@code out = g} where {@code lo <= x <= hi}, else 0. */
    public static void clampGrad(float[] x, float lo, float hi, float[] g, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                clampGrad(FloatVector.fromArray(S, x, i), lo, hi, FloatVector.fromArray(S, g, i)).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                clampGrad(FloatVector.fromArray(S, x, i, m), lo, hi, FloatVector.fromArray(S, g, i, m))
                        .intoArray(out, i, m);
            }
        });
    }

    private static FloatVector clampGrad(FloatVector x, float lo, float hi, FloatVector g) {
        VectorMask<Float> inside = x.compare(VectorOperators.GE, lo).and(x.compare(VectorOperators.LE, hi));
        return ZERO.blend(g, inside);
    }

    private static FloatVector load(float[] x, int off, int step, int i) {
        return step == 0 ? FloatVector.broadcast(S, x[off]) : FloatVector.fromArray(S, x, off + i);
    }

    private static FloatVector load(float[] x, int off, int step, int i, VectorMask<Float> m) {
        return step == 0 ? FloatVector.broadcast(S, x[off]) : FloatVector.fromArray(S, x, off + i, m);
    }

    /**
     * The row kernel of maximum ({@code max == true}) or minimum:
     * {@code out[outOff + i] = max(a[aOff + i*aStep], b[bOff + i*bStep])}, steps 0 or 1; NaN wins.
     */
    public static void extremum(boolean max, float[] a, int aOff, int aStep, float[] b, int bOff, int bStep,
                                float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector va = load(a, aOff, aStep, i);
            FloatVector vb = load(b, bOff, bStep, i);
            (max ? va.max(vb) : va.min(vb)).intoArray(out, outOff + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector va = load(a, aOff, aStep, i, m);
            FloatVector vb = load(b, bOff, bStep, i, m);
            (max ? va.max(vb) : va.min(vb)).intoArray(out, outOff + i, m);
        }
    }

    /**
     * The gradient row kernel of maximum or minimum: the upstream {@code g[gOff + i]} goes to
     * {@code ga} where a wins, to {@code gb} where b wins, half to each on a tie. {@code ga} and
     * {@code gb} are laid out like {@code g} (output-shaped); either may be null when not wanted.
     */
    public static void extremumGrad(boolean max, float[] a, int aOff, int aStep, float[] b, int bOff, int bStep,
                                    float[] g, int gOff, float[] ga, float[] gb, int n) {
        VectorOperators.Comparison aWins = max ? VectorOperators.GT : VectorOperators.LT;
        VectorOperators.Comparison bWins = max ? VectorOperators.LT : VectorOperators.GT;
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector va = load(a, aOff, aStep, i, m);
            FloatVector vb = load(b, bOff, bStep, i, m);
            FloatVector vg = FloatVector.fromArray(S, g, gOff + i, m);
            VectorMask<Float> tie = va.compare(VectorOperators.EQ, vb);
            if (ga != null) {
                ZERO.blend(ONE, va.compare(aWins, vb)).blend(HALF, tie).mul(vg).intoArray(ga, gOff + i, m);
            }
            if (gb != null) {
                ZERO.blend(ONE, va.compare(bWins, vb)).blend(HALF, tie).mul(vg).intoArray(gb, gOff + i, m);
            }
        }
    }

    /**
     * The row kernel of the broadcasting power {@code out[outOff + i] = a[..] ^ b[..]}, steps 0 or 1,
     * with the special values of {@link Math#pow}.
     */
    public static void pow(float[] a, int aOff, int aStep, float[] b, int bOff, int bStep,
                           float[] out, int outOff, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            VectorMath.pow(load(a, aOff, aStep, i, m), load(b, bOff, bStep, i, m)).intoArray(out, outOff + i, m);
        }
    }

    /**
     * The gradient row kernel of the broadcasting power {@code y = a^b}, with {@code y} and {@code g}
     * output-shaped at {@code outOff}: {@code ga = g * b * a^(b-1)} and {@code gb = g * y * ln(a)},
     * the latter 0 where {@code a == 0 and b >= 0} (as PyTorch), so that {@code 0^b} does not give NaN.
     * Either of {@code ga}, {@code gb} may be null when not wanted.
     */
    public static void powGrad(float[] a, int aOff, int aStep, float[] b, int bOff, int bStep,
                               float[] y, float[] g, float[] ga, float[] gb, int outOff, int n) {
        for (int i = 0; i < n; i += L) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector va = load(a, aOff, aStep, i, m);
            FloatVector vb = load(b, bOff, bStep, i, m);
            FloatVector vg = FloatVector.fromArray(S, g, outOff + i, m);
            if (ga != null) {
                VectorMath.pow(va, vb.sub(1f)).mul(vb).mul(vg).intoArray(ga, outOff + i, m);
            }
            if (gb != null) {
                VectorMask<Float> zeroBase = va.compare(VectorOperators.EQ, 0f).and(vb.compare(VectorOperators.GE, 0f));
                FloatVector vy = FloatVector.fromArray(S, y, outOff + i, m);
                vy.mul(VectorMath.log(va)).mul(vg).blend(ZERO, zeroBase).intoArray(gb, outOff + i, m);
            }
        }
    }
}
