package dev.dendrite.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels for activation functions and their gradients, each computed so that no input
 * overflows (sigmoid and softplus work from {@code e^-|x|}, which lies in (0, 1]).
 *
 * <p>Each kernel writes {@code out[i]} for {@code i < n}; the tail that does not fill a vector runs
 * as one masked vector through the same arithmetic. Large arrays are split over the cores.
 */
public final class ActivationKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final FloatVector ZERO = FloatVector.zero(S);
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);

    /** Above this, softplus returns x itself (PyTorch's default threshold). */
    private static final float SOFTPLUS_THRESHOLD = 20f;
    private static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));
    private static final float INV_SQRT_2PI = (float) (1 / Math.sqrt(2 * Math.PI));

    private ActivationKernels() {
    }

    // ------------------------------------------------------------------ relu

    /**
     * {@code out = max(x, 0)} ({@code out} may be {@code x}). A plain loop: C2 vectorises it as well as
     * the Vector API does, and it allocates nothing before C2 has compiled it.
     */
    public static void relu(float[] x, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = Math.max(x[i], 0f);
            }
        });
    }

    /** The gradient of relu: {@code out = g * (x > 0)}. */
    public static void reluGrad(float[] x, float[] g, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                FloatVector vx = FloatVector.fromArray(S, x, i);
                ZERO.blend(FloatVector.fromArray(S, g, i), vx.compare(VectorOperators.GT, 0f)).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                FloatVector vx = FloatVector.fromArray(S, x, i, m);
                ZERO.blend(FloatVector.fromArray(S, g, i, m), vx.compare(VectorOperators.GT, 0f))
                        .intoArray(out, i, m);
            }
        });
    }

    // ------------------------------------------------------------------ leaky relu

    /** {@code out = x > 0 ? x : slope * x}. */
    public static void leakyRelu(float[] x, float slope, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                leakyRelu(FloatVector.fromArray(S, x, i), slope).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                leakyRelu(FloatVector.fromArray(S, x, i, m), slope).intoArray(out, i, m);
            }
        });
    }

    private static FloatVector leakyRelu(FloatVector x, float slope) {
        return x.mul(slope).blend(x, x.compare(VectorOperators.GT, 0f));
    }

    /** The gradient of leaky relu: {@code out = x > 0 ? g : slope * g}. */
    public static void leakyReluGrad(float[] x, float slope, float[] g, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                FloatVector vg = FloatVector.fromArray(S, g, i);
                vg.mul(slope).blend(vg, FloatVector.fromArray(S, x, i).compare(VectorOperators.GT, 0f))
                        .intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                FloatVector vg = FloatVector.fromArray(S, g, i, m);
                vg.mul(slope).blend(vg, FloatVector.fromArray(S, x, i, m).compare(VectorOperators.GT, 0f))
                        .intoArray(out, i, m);
            }
        });
    }

    // ------------------------------------------------------------------ elu

    /** {@code out = x > 0 ? x : alpha * (e^x - 1)}. */
    public static void elu(float[] x, float alpha, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                elu(FloatVector.fromArray(S, x, i), alpha).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                elu(FloatVector.fromArray(S, x, i, m), alpha).intoArray(out, i, m);
            }
        });
    }

    private static FloatVector elu(FloatVector x, float alpha) {
        return VectorMath.expm1(x.min(0f)).mul(alpha).blend(x, x.compare(VectorOperators.GT, 0f));
    }

    /** The gradient of elu: {@code out = x > 0 ? g : g * alpha * e^x}. */
    public static void eluGrad(float[] x, float alpha, float[] g, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                eluGrad(FloatVector.fromArray(S, x, i), alpha, FloatVector.fromArray(S, g, i)).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                eluGrad(FloatVector.fromArray(S, x, i, m), alpha, FloatVector.fromArray(S, g, i, m))
                        .intoArray(out, i, m);
            }
        });
    }

    private static FloatVector eluGrad(FloatVector x, float alpha, FloatVector g) {
        return VectorMath.exp(x.min(0f)).mul(alpha).mul(g).blend(g, x.compare(VectorOperators.GT, 0f));
    }

    // ------------------------------------------------------------------ gelu

    /** The exact GELU {@code out = x * Phi(x)}, Phi the standard normal CDF (see {@link #normalCdf}). */
    public static void gelu(float[] x, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                FloatVector v = FloatVector.fromArray(S, x, i);
                v.mul(normalCdf(v)).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                FloatVector v = FloatVector.fromArray(S, x, i, m);
                v.mul(normalCdf(v)).intoArray(out, i, m);
            }
        });
    }

    /** The gradient of GELU: {@code out = g * (Phi(x) + x * phi(x))}, phi the standard normal density. */
    public static void geluGrad(float[] x, float[] g, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                geluGrad(FloatVector.fromArray(S, x, i), FloatVector.fromArray(S, g, i)).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                geluGrad(FloatVector.fromArray(S, x, i, m), FloatVector.fromArray(S, g, i, m)).intoArray(out, i, m);
            }
        });
    }

    private static FloatVector geluGrad(FloatVector x, FloatVector g) {
        FloatVector density = VectorMath.exp(x.mul(x).mul(-0.5f)).mul(INV_SQRT_2PI);
        return x.fma(density, normalCdf(x)).mul(g);
    }

    /**
     * The standard normal CDF {@code Phi(x) = erfc(-x / sqrt 2) / 2}, with erfc from the Chebyshev
     * fit of W. H. Press et al., Numerical Recipes in C, 2nd ed. (1992), section 6.2, function
     * {@code erfcc}: {@code erfc(z) = t exp(-z^2 + P(t))}, {@code t = 1 / (1 + z/2)} for z >= 0, with
     * fractional error below 1.2e-7 everywhere. Working from erfc keeps the relative accuracy in
     * the far negative tail, where {@code 1 + erf} would cancel.
     */
    private static FloatVector normalCdf(FloatVector x) {
        FloatVector z = x.abs().mul(INV_SQRT2);
        FloatVector t = ONE.div(z.mul(0.5f).add(1f));
        FloatVector p = t.mul(0.17087277f).add(-0.82215223f);
        p = p.mul(t).add(1.48851587f);
        p = p.mul(t).add(-1.13520398f);
        p = p.mul(t).add(0.27886807f);
        p = p.mul(t).add(-0.18628806f);
        p = p.mul(t).add(0.09678418f);
        p = p.mul(t).add(0.37409196f);
        p = p.mul(t).add(1.00002368f);
        p = p.mul(t).add(-1.26551223f);
        FloatVector halfErfc = t.mul(0.5f).mul(VectorMath.exp(z.mul(z).neg().add(p)));
        return ONE.sub(halfErfc).blend(halfErfc, x.compare(VectorOperators.LT, 0f));
    }

    // ------------------------------------------------------------------ sigmoid, silu, softplus

    /** {@code out = 1 / (1 + e^-x)}. */
    public static void sigmoid(float[] x, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                sigmoid(FloatVector.fromArray(S, x, i)).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                sigmoid(FloatVector.fromArray(S, x, i, m)).intoArray(out, i, m);
            }
        });
    }

    /** With {@code e = e^-|x|}: {@code 1 / (1 + e)} for x >= 0 and {@code e / (1 + e)} for x < 0. */
    private static FloatVector sigmoid(FloatVector x) {
        FloatVector e = VectorMath.exp(x.abs().neg());
        FloatVector r = ONE.div(e.add(1f));
        return r.blend(e.mul(r), x.compare(VectorOperators.LT, 0f));
    }

    /** The gradient of sigmoid from its output {@code y}: {@code out = g * y * (1 - y)}. */
    public static void sigmoidGrad(float[] y, float[] g, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                FloatVector vy = FloatVector.fromArray(S, y, i);
                vy.mul(ONE.sub(vy)).mul(FloatVector.fromArray(S, g, i)).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                FloatVector vy = FloatVector.fromArray(S, y, i, m);
                vy.mul(ONE.sub(vy)).mul(FloatVector.fromArray(S, g, i, m)).intoArray(out, i, m);
            }
        });
    }

    /** {@code out = x * sigmoid(x)}. */
    public static void silu(float[] x, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                FloatVector v = FloatVector.fromArray(S, x, i);
                v.mul(sigmoid(v)).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                FloatVector v = FloatVector.fromArray(S, x, i, m);
                v.mul(sigmoid(v)).intoArray(out, i, m);
            }
        });
    }

    /** The gradient of silu: {@code out = g * s * (1 + x * (1 - s))} with {@code s = sigmoid(x)}. */
    public static void siluGrad(float[] x, float[] g, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                siluGrad(FloatVector.fromArray(S, x, i), FloatVector.fromArray(S, g, i)).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                siluGrad(FloatVector.fromArray(S, x, i, m), FloatVector.fromArray(S, g, i, m)).intoArray(out, i, m);
            }
        });
    }

    private static FloatVector siluGrad(FloatVector x, FloatVector g) {
        FloatVector s = sigmoid(x);
        return x.fma(ONE.sub(s), ONE).mul(s).mul(g);
    }

    /** {@code out = log(1 + e^x)} as {@code log1p(e^-|x|) + max(x, 0)}, and x itself above 20 (as PyTorch). */
    public static void softplus(float[] x, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                softplus(FloatVector.fromArray(S, x, i)).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                softplus(FloatVector.fromArray(S, x, i, m)).intoArray(out, i, m);
            }
        });
    }

    private static FloatVector softplus(FloatVector x) {
        FloatVector smooth = VectorMath.log1p(VectorMath.exp(x.abs().neg())).add(x.max(0f));
        return smooth.blend(x, x.compare(VectorOperators.GT, SOFTPLUS_THRESHOLD));
    }

    /** The gradient of softplus: {@code out = g * sigmoid(x)}, and g itself above 20. */
    public static void softplusGrad(float[] x, float[] g, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                softplusGrad(FloatVector.fromArray(S, x, i), FloatVector.fromArray(S, g, i)).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                softplusGrad(FloatVector.fromArray(S, x, i, m), FloatVector.fromArray(S, g, i, m))
                        .intoArray(out, i, m);
            }
        });
    }

    private static FloatVector softplusGrad(FloatVector x, FloatVector g) {
        return sigmoid(x).mul(g).blend(g, x.compare(VectorOperators.GT, SOFTPLUS_THRESHOLD));
    }

    // ------------------------------------------------------------------ tanh

    /** {@code out = tanh(x)}. */
    public static void tanh(float[] x, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                VectorMath.tanh(FloatVector.fromArray(S, x, i)).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                VectorMath.tanh(FloatVector.fromArray(S, x, i, m)).intoArray(out, i, m);
            }
        });
    }

    /** The gradient of tanh from its output {@code y}: {@code out = g * (1 - y^2)}. */
    public static void tanhGrad(float[] y, float[] g, float[] out, int n) {
        Chunks.run(n, (from, to) -> {
            int i = from;
            for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
                FloatVector vy = FloatVector.fromArray(S, y, i);
                vy.neg().fma(vy, ONE).mul(FloatVector.fromArray(S, g, i)).intoArray(out, i);
            }
            if (i < to) {
                VectorMask<Float> m = S.indexInRange(i, to);
                FloatVector vy = FloatVector.fromArray(S, y, i, m);
                vy.neg().fma(vy, ONE).mul(FloatVector.fromArray(S, g, i, m)).intoArray(out, i, m);
            }
        });
    }
}
