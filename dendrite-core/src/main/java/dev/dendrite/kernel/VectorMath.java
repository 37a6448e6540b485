package dev.dendrite.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Bit-reproducible float transcendentals: exp, expm1, log, log1p, tanh and pow, each as a SIMD
 * version over a {@link FloatVector} and a scalar twin that returns, for every input, exactly the bits
 * of the corresponding vector lane.
 *
 * <p>Why not {@code lanewise(VectorOperators.EXP)} and friends: the Vector API leaves their accuracy
 * at "within 1 ulp", and HotSpot computes them differently by tier (the interpreter calls
 * {@code Math.exp} per lane, C2 calls a native SVML-like library), so the same program gives
 * different last bits before and after warm-up and two training runs with one seed drift apart.
 * Everything here is built only from operations IEEE 754 defines exactly — add, sub, mul, fma, div,
 * min/max, compare/blend, and integer operations on the bits — which every tier must compute alike.
 *
 * <p>Methods (all float; errors measured against {@code Math} in double, see VectorMathTest):
 * <ul>
 *   <li>exp: Cody–Waite range reduction {@code x = n ln2 + r}, {@code |r| <= ln2/2}, and
 *       {@code e^r = 1 + r + r^2 P(r)} with a degree-4 minimax P (the scheme of Cephes {@code expf},
 *       S. L. Moshier, <i>Methods and Programs for Mathematical Functions</i>, 1989, and of
 *       P. T. P. Tang, ACM TOMS 15(2), 1989); the coefficients were fitted for this class
 *       (weighted minimax by Lawson's algorithm, relative error 2^-28.3). The scale 2^n is built in
 *       the exponent bits, in two halves so that results in the subnormal range round only once.</li>
 *   <li>expm1: the same reduction, {@code e^x - 1 = 2^n (e^r - 1) + (2^n - 1)} (Tang, ACM TOMS
 *       18(2), 1992), so small results keep their relative accuracy.</li>
 *   <li>log: {@code x = 2^k m}, {@code m} in {@code [sqrt(1/2), sqrt 2)}, {@code f = m - 1} (exact), and
 *       {@code log(1+f) = f - f^2/2 + f^3 Q(f)} with a degree-8 minimax Q (Cephes {@code logf}'s
 *       scheme, own fit, relative error 2^-30.3), {@code k ln2} added in two parts.</li>
 *   <li>log1p: {@code log(u) + (x - (u - 1)) / u} with {@code u = 1 + x}, the second term undoing
 *       the rounding of u (D. Goldberg, "What every computer scientist should know about
 *       floating-point arithmetic", 1991, theorem 4, in its additive form).</li>
 *   <li>tanh: {@code x + x^3 R(x^2)} (degree-4 minimax R, own fit, 2^-27.8) for {@code |x| < 0.625}
 *       as in Cephes {@code tanhf}, else {@code (1 - e) / (1 + e)} with {@code e = e^(-2|x|)}, which
 *       saturates to 1 without overflow; the sign is copied from x.</li>
 *   <li>pow: {@code exp(y log|x|)} with log carried as a float pair (hi + lo, about 2^-28 relative
 *       to the mantissa term) and the product {@code y log|x|} split exactly with an fma, so the
 *       error does not grow with the size of the exponent; the special values follow
 *       {@link Math#pow}.</li>
 * </ul>
 *
 * <p>The vector methods work on any float species. Inputs, intermediate steps and constants are the
 * same in the scalar twins, operation for operation, so tails and scalar code paths agree with the
 * SIMD lanes.
 */
public final class VectorMath {

    private VectorMath() {
    }

    // ------------------------------------------------------------------ constants

    /** 1.5 * 2^23: adding it rounds a float of magnitude below 2^22 to an integer held in the low mantissa bits. */
    private static final float SHIFT = 0x1.8p23f;
    private static final int SHIFT_BITS = 0x4B400000;
    private static final float LOG2E = 1.44269504088896341f;
    /**
     * ln 2 split for Cody–Waite reduction (Cephes' split): LN2_HI = 355/512 has 9 significant bits,
     * so {@code n * LN2_HI} is exact for |n| < 2^15 and {@code x - n * LN2_HI} is exact near n ln2;
     * LN2_LO = ln2 - LN2_HI rounded to float.
     */
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;

    /** exp clamps its argument here: below, e^x < 2^-150 rounds to 0; above, it overflows to +inf. */
    private static final float EXP_LO = -104f;
    private static final float EXP_HI = 89f;
    /** expm1 clamps at -30, where e^x - 1 already rounds to -1 (e^-17.4 < 2^-25). */
    private static final float EXPM1_LO = -30f;
    /**
     * For |x| <= 86.5, n = round(x / ln2) is within [-125, 125] and e^x is a normal float, so
     * {@code p * 2^n} is an exact integer add to the exponent bits of p.
     */
    private static final float EXP_NORMAL = 86.5f;

    /** P for e^r = 1 + r + r^2 P(r), |r| <= ln2/2: minimax weighted for relative error of e^r, 2^-28.3. */
    private static final float E0 = 0.4999999403953552f;
    private static final float E1 = 0.1666652113199234f;
    private static final float E2 = 0.04166838899254799f;
    private static final float E3 = 0.008368716575205326f;
    private static final float E4 = 0.001381459878757596f;

    /** Q for log(1+f) = f - f^2/2 + f^3 Q(f), f in [sqrt(1/2)-1, sqrt(2)-1]: minimax, relative error 2^-30.3. */
    private static final float L0 = 0.3333331346511841f;
    private static final float L1 = -0.25000008940696716f;
    private static final float L2 = 0.2000211924314499f;
    private static final float L3 = -0.1666799634695053f;
    private static final float L4 = 0.14219552278518677f;
    private static final float L5 = -0.1240558922290802f;
    private static final float L6 = 0.11888162046670914f;
    private static final float L7 = -0.11675652116537094f;
    private static final float L8 = 0.06746640801429749f;

    /** Bits of (about) sqrt(1/2): subtracting them centres the mantissa on 1, as in musl's logf. */
    private static final int SQRT_HALF_BITS = 0x3f3504f3;
    private static final int MANTISSA_MASK = 0x007fffff;
    private static final float MIN_NORMAL = 0x1p-126f;
    private static final int MIN_NORMAL_BITS = 0x00800000;
    private static final int INF_BITS = 0x7f800000;
    private static final float TWO_23 = 0x1p23f;

    /** R for tanh(x) = x + x^3 R(x^2), |x| < 0.625: minimax for relative error, 2^-27.8. */
    private static final float TANH_SMALL = 0.625f;
    private static final float T0 = -0.3333328068256378f;
    private static final float T1 = 0.13331444561481476f;
    private static final float T2 = -0.05373990535736084f;
    private static final float T3 = 0.020639732480049133f;
    private static final float T4 = -0.005705738440155983f;

    private static final int SIGN_BIT = 0x80000000;

    // ------------------------------------------------------------------ exp

    /** {@code e^x} in each lane, within 1 ulp; NaN gives NaN, overflow +inf, underflow 0 (through the subnormals). */
    public static FloatVector exp(FloatVector x) {
        if (x.abs().compare(VectorOperators.LE, EXP_NORMAL).allTrue()) {
            // Every result normal: n goes straight into the exponent bits of e^r (the bits scale() gives).
            // t's bits are SHIFT_BITS + n and SHIFT_BITS ends in 9 zero bits, so bits(t) << 23 == n << 23.
            FloatVector t = x.fma(LOG2E, SHIFT);
            return expReduced(x, t).reinterpretAsInts().add(t.reinterpretAsInts().lanewise(VectorOperators.LSHL, 23))
                    .reinterpretAsFloats();
        }
        FloatVector xc = x.max(EXP_LO).min(EXP_HI);
        FloatVector t = xc.fma(LOG2E, SHIFT);
        return scale(expReduced(xc, t), t);
    }

    /** {@code e^r} for {@code r = x - n ln2}, where {@code t = n + SHIFT}. */
    private static FloatVector expReduced(FloatVector x, FloatVector t) {
        FloatVector kf = t.sub(SHIFT);
        FloatVector r = kf.fma(x.broadcast(-LN2_HI), x);
        r = kf.fma(x.broadcast(-LN2_LO), r);
        return expPoly(r).fma(r, r.broadcast(1f)).fma(r, r.broadcast(1f));
    }

    /** The scalar twin of {@link #exp(FloatVector)}: the same bits as a lane of it. */
    public static float exp(float x) {
        float xc = Math.min(Math.max(x, EXP_LO), EXP_HI);
        float t = Math.fma(xc, LOG2E, SHIFT);
        float kf = t - SHIFT;
        float r = Math.fma(kf, -LN2_HI, xc);
        r = Math.fma(kf, -LN2_LO, r);
        float p = Math.fma(Math.fma(expPoly(r), r, 1f), r, 1f);
        return scale(p, t);
    }

    private static FloatVector expPoly(FloatVector r) {
        FloatVector q = r.fma(E4, E3);
        q = q.fma(r, r.broadcast(E2));
        q = q.fma(r, r.broadcast(E1));
        return q.fma(r, r.broadcast(E0));
    }

    private static float expPoly(float r) {
        float q = Math.fma(r, E4, E3);
        q = Math.fma(q, r, E2);
        q = Math.fma(q, r, E1);
        return Math.fma(q, r, E0);
    }

    /**
     * {@code p * 2^n} where {@code t = n + SHIFT} (so n sits in the low bits of t), |n| <= 150: multiplied
     * by 2^(n/2) (exact, stays normal) and then by 2^(n - n/2), so a subnormal or overflowing result is
     * rounded once, correctly.
     */
    private static FloatVector scale(FloatVector p, FloatVector t) {
        IntVector n = t.reinterpretAsInts().sub(SHIFT_BITS);
        IntVector n1 = n.lanewise(VectorOperators.ASHR, 1);
        IntVector n2 = n.sub(n1);
        FloatVector s1 = n1.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = n2.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        return p.mul(s1).mul(s2);
    }

    private static float scale(float p, float t) {
        int n = Float.floatToRawIntBits(t) - SHIFT_BITS;
        int n1 = n >> 1;
        int n2 = n - n1;
        return p * Float.intBitsToFloat((n1 + 127) << 23) * Float.intBitsToFloat((n2 + 127) << 23);
    }

    // ------------------------------------------------------------------ expm1

    /** {@code e^x - 1} in each lane, accurate relative to the result also near 0; NaN gives NaN. */
    public static FloatVector expm1(FloatVector x) {
        FloatVector xc = x.max(EXPM1_LO).min(EXP_HI);
        FloatVector t = xc.fma(LOG2E, SHIFT);
        FloatVector kf = t.sub(SHIFT);
        FloatVector r = kf.fma(xc.broadcast(-LN2_HI), xc);
        r = kf.fma(xc.broadcast(-LN2_LO), r);
        FloatVector p = r.mul(r).fma(expPoly(r), r);            // e^r - 1
        // h = 2^(n-1) (normal for n in [-43, 128]); e^x - 1 = 2 (h (e^r - 1) + (h - 1/2)).
        FloatVector h = t.reinterpretAsInts().sub(SHIFT_BITS - 126).lanewise(VectorOperators.LSHL, 23)
                .reinterpretAsFloats();
        FloatVector result = h.fma(p, h.sub(0.5f)).mul(2f);
        // Below 2^-25, e^x - 1 rounds to x; this also keeps -0 and subnormals exact.
        return result.blend(x, x.abs().compare(VectorOperators.LT, 0x1p-25f));
    }

    /** The scalar twin of {@link #expm1(FloatVector)}. */
    public static float expm1(float x) {
        float xc = Math.min(Math.max(x, EXPM1_LO), EXP_HI);
        float t = Math.fma(xc, LOG2E, SHIFT);
        float kf = t - SHIFT;
        float r = Math.fma(kf, -LN2_HI, xc);
        r = Math.fma(kf, -LN2_LO, r);
        float p = Math.fma(r * r, expPoly(r), r);
        float h = Float.intBitsToFloat((Float.floatToRawIntBits(t) - (SHIFT_BITS - 126)) << 23);
        float result = Math.fma(h, p, h - 0.5f) * 2f;
        return Math.abs(x) < 0x1p-25f ? x : result;
    }

    // ------------------------------------------------------------------ log

    /** {@code ln x} in each lane, within 1 ulp; log(±0) = -inf, log(x < 0) = NaN, log(+inf) = +inf, NaN gives NaN. */
    public static FloatVector log(FloatVector x) {
        // Bits minus those of MIN_NORMAL, unsigned, below those of +inf minus MIN_NORMAL: positive, normal, finite.
        IntVector bits = x.reinterpretAsInts();
        if (bits.sub(MIN_NORMAL_BITS).compare(VectorOperators.ULT, INF_BITS - MIN_NORMAL_BITS).allTrue()) {
            return logNormal(bits, x.broadcast(0f));     // the bits the full path below gives for such inputs
        }
        // Subnormals: scale into the normal range and take 23 off the exponent.
        VectorMask<Float> tiny = x.compare(VectorOperators.LT, MIN_NORMAL);
        FloatVector kAdjust = x.broadcast(0f).blend(-23f, tiny);
        FloatVector result = logNormal(x.blend(x.mul(TWO_23), tiny).reinterpretAsInts(), kAdjust);
        result = result.blend(x, x.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY));
        result = result.blend(Float.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0f));
        // x < 0, and NaN (compares false with itself), give NaN.
        return result.blend(Float.NaN, x.compare(VectorOperators.GE, 0f).not());
    }

    /** log of the positive normal float with these bits, plus {@code kAdjust * ln2}. */
    private static FloatVector logNormal(IntVector bits, FloatVector kAdjust) {
        IntVector ix = bits.sub(SQRT_HALF_BITS);
        IntVector k = ix.lanewise(VectorOperators.ASHR, 23);
        FloatVector f = ix.and(MANTISSA_MASK).add(SQRT_HALF_BITS).reinterpretAsFloats().sub(1f);
        // k as a float, through the same magic constant as exp (exact for |k| < 2^22).
        FloatVector kf = k.add(SHIFT_BITS).reinterpretAsFloats().sub(SHIFT).add(kAdjust);
        FloatVector z = f.mul(f);
        FloatVector y = f.mul(z).mul(logPoly(f));
        y = kf.fma(f.broadcast(LN2_LO), y);
        y = z.fma(f.broadcast(-0.5f), y);
        return kf.fma(f.broadcast(LN2_HI), f.add(y));
    }

    /** The scalar twin of {@link #log(FloatVector)}. */
    public static float log(float x) {
        boolean tiny = x < MIN_NORMAL;
        float xs = tiny ? x * TWO_23 : x;
        float kAdjust = tiny ? -23f : 0f;
        int ix = Float.floatToRawIntBits(xs) - SQRT_HALF_BITS;
        int k = ix >> 23;
        float m = Float.intBitsToFloat((ix & MANTISSA_MASK) + SQRT_HALF_BITS);
        float f = m - 1f;
        float kf = Float.intBitsToFloat(k + SHIFT_BITS) - SHIFT + kAdjust;
        float z = f * f;
        float y = f * z * logPoly(f);
        y = Math.fma(kf, LN2_LO, y);
        y = Math.fma(z, -0.5f, y);
        float result = Math.fma(kf, LN2_HI, f + y);
        if (x == Float.POSITIVE_INFINITY) {
            result = x;
        }
        if (x == 0f) {
            result = Float.NEGATIVE_INFINITY;
        }
        return x >= 0f ? result : Float.NaN;
    }

    private static FloatVector logPoly(FloatVector f) {
        FloatVector q = f.fma(L8, L7);
        q = q.fma(f, f.broadcast(L6));
        q = q.fma(f, f.broadcast(L5));
        q = q.fma(f, f.broadcast(L4));
        q = q.fma(f, f.broadcast(L3));
        q = q.fma(f, f.broadcast(L2));
        q = q.fma(f, f.broadcast(L1));
        return q.fma(f, f.broadcast(L0));
    }

    private static float logPoly(float f) {
        float q = Math.fma(f, L8, L7);
        q = Math.fma(q, f, L6);
        q = Math.fma(q, f, L5);
        q = Math.fma(q, f, L4);
        q = Math.fma(q, f, L3);
        q = Math.fma(q, f, L2);
        q = Math.fma(q, f, L1);
        return Math.fma(q, f, L0);
    }

    // ------------------------------------------------------------------ log1p

    /** {@code ln(1 + x)} in each lane, accurate relative to the result also near 0; -1 gives -inf, below -1 NaN. */
    public static FloatVector log1p(FloatVector x) {
        FloatVector u = x.add(1f);
        // The rounding error of u (exact: u - 1 is exact for u < 2^24), as a first-order correction of log u.
        FloatVector err = x.sub(u.sub(1f));
        FloatVector correction = err.div(u).blend(0f, err.compare(VectorOperators.EQ, 0f));
        FloatVector result = log(u).add(correction);
        // +inf (err is NaN there) and ±0 (keeps its sign) return x itself.
        return result.blend(x, x.compare(VectorOperators.EQ, Float.POSITIVE_INFINITY)
                .or(x.compare(VectorOperators.EQ, 0f)));
    }

    /** The scalar twin of {@link #log1p(FloatVector)}. */
    public static float log1p(float x) {
        float u = x + 1f;
        float err = x - (u - 1f);
        float correction = err == 0f ? 0f : err / u;
        float result = log(u) + correction;
        return x == Float.POSITIVE_INFINITY || x == 0f ? x : result;
    }

    // ------------------------------------------------------------------ tanh

    /** {@code tanh x} in each lane, within 2 ulp; saturates to ±1, keeps -0, NaN gives NaN. */
    public static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs();
        FloatVector z = a.mul(a);
        FloatVector small = a.mul(z).fma(tanhPoly(z), a);
        FloatVector e = exp(a.mul(-2f));
        FloatVector large = a.broadcast(1f).sub(e).div(e.add(1f));
        FloatVector magnitude = large.blend(small, a.compare(VectorOperators.LT, TANH_SMALL));
        return magnitude.reinterpretAsInts().or(x.reinterpretAsInts().and(SIGN_BIT)).reinterpretAsFloats();
    }

    /** The scalar twin of {@link #tanh(FloatVector)}. */
    public static float tanh(float x) {
        float a = Math.abs(x);
        float magnitude;
        if (a < TANH_SMALL) {
            float z = a * a;
            magnitude = Math.fma(a * z, tanhPoly(z), a);
        } else {
            float e = exp(a * -2f);
            magnitude = (1f - e) / (e + 1f);
        }
        return Float.intBitsToFloat(Float.floatToRawIntBits(magnitude) | (Float.floatToRawIntBits(x) & SIGN_BIT));
    }

    private static FloatVector tanhPoly(FloatVector z) {
        FloatVector q = z.fma(T4, T3);
        q = q.fma(z, z.broadcast(T2));
        q = q.fma(z, z.broadcast(T1));
        return q.fma(z, z.broadcast(T0));
    }

    private static float tanhPoly(float z) {
        float q = Math.fma(z, T4, T3);
        q = Math.fma(q, z, T2);
        q = Math.fma(q, z, T1);
        return Math.fma(q, z, T0);
    }

    // ------------------------------------------------------------------ pow

    /**
     * {@code x^y} in each lane, with the special values of {@link Math#pow} (y = ±0 gives 1, y = 1 gives
     * x, a negative x needs an integer y, the sign follows odd integer powers, |x| = 1 with an infinite
     * y gives NaN, ...).
     */
    public static FloatVector pow(FloatVector x, FloatVector y) {
        FloatVector a = x.abs();
        // log|x| as hi + lo, as in log() but with the rounding errors of its main terms kept.
        VectorMask<Float> tiny = a.compare(VectorOperators.LT, MIN_NORMAL);
        FloatVector as = a.blend(a.mul(TWO_23), tiny);
        FloatVector kAdjust = a.broadcast(0f).blend(-23f, tiny);
        IntVector ix = as.reinterpretAsInts().sub(SQRT_HALF_BITS);
        IntVector k = ix.lanewise(VectorOperators.ASHR, 23);
        FloatVector f = ix.and(MANTISSA_MASK).add(SQRT_HALF_BITS).reinterpretAsFloats().sub(1f);
        FloatVector kf = k.add(SHIFT_BITS).reinterpretAsFloats().sub(SHIFT).add(kAdjust);
        FloatVector z = f.mul(f);
        FloatVector zErr = f.fma(f, z.neg());                    // f^2 = z + zErr exactly
        FloatVector tail = f.mul(z).mul(logPoly(f));            // f^3 Q(f)
        FloatVector halfZ = z.mul(0.5f);
        FloatVector s1 = f.sub(halfZ);                           // |f| > f^2/2: fast two-sum
        FloatVector e1 = f.sub(s1).sub(halfZ);
        FloatVector kHi = kf.mul(LN2_HI);                       // exact
        FloatVector hi = kHi.add(s1);                            // |k ln2| >= |s1| unless k = 0
        FloatVector e2 = kHi.sub(hi).add(s1);
        FloatVector lo = e2.add(e1).sub(zErr.mul(0.5f)).add(tail).add(kf.mul(LN2_LO));
        FloatVector logHi = hi.add(lo);
        FloatVector logLo = hi.sub(logHi).add(lo);
        // log 0 = -inf; log of +inf or NaN is itself.
        logHi = logHi.blend(Float.NEGATIVE_INFINITY, a.compare(VectorOperators.EQ, 0f))
                .blend(a, a.compare(VectorOperators.LT, Float.POSITIVE_INFINITY).not());
        // y log|x| = zh + zl, exact up to the rounding of y * logLo. Where |zh| is beyond exp's range
        // (or not finite) the result saturates anyway and zl, possibly huge or NaN there, is dropped.
        FloatVector zh = y.mul(logHi);
        FloatVector zl = y.fma(logHi, zh.neg()).add(y.mul(logLo));
        zl = zl.blend(0f, zh.abs().compare(VectorOperators.LE, -EXP_LO).not());
        // e^(zh + zl), the reduction of exp() with zl added to r.
        FloatVector zc = zh.max(EXP_LO).min(EXP_HI);
        FloatVector t = zc.fma(LOG2E, SHIFT);
        FloatVector n = t.sub(SHIFT);
        FloatVector r = n.fma(x.broadcast(-LN2_HI), zc);
        r = n.fma(x.broadcast(-LN2_LO), r).add(zl);
        FloatVector result = scale(r.mul(r).fma(expPoly(r), r).add(1f), t);
        // Signs and special values.
        VectorMask<Float> yInt = isInteger(y);
        VectorMask<Float> yOdd = yInt.andNot(isInteger(y.mul(0.5f)));
        VectorMask<Float> xNegative = x.reinterpretAsInts().compare(VectorOperators.LT, 0).cast(x.species());
        result = result.blend(result.neg(), xNegative.and(yOdd));
        VectorMask<Float> noRealValue = x.compare(VectorOperators.LT, 0f)
                .and(x.compare(VectorOperators.NE, Float.NEGATIVE_INFINITY)).andNot(yInt);
        result = result.blend(Float.NaN, noRealValue);
        result = result.blend(x, y.compare(VectorOperators.EQ, 1f));
        return result.blend(1f, y.compare(VectorOperators.EQ, 0f));
    }

    /** {@code x^p} in each lane for one exponent p; see {@link #pow(FloatVector, FloatVector)}. */
    public static FloatVector pow(FloatVector x, float p) {
        return pow(x, x.broadcast(p));
    }

    /** The scalar twin of {@link #pow(FloatVector, FloatVector)}. */
    public static float pow(float x, float y) {
        float a = Math.abs(x);
        boolean tiny = a < MIN_NORMAL;
        float as = tiny ? a * TWO_23 : a;
        float kAdjust = tiny ? -23f : 0f;
        int ix = Float.floatToRawIntBits(as) - SQRT_HALF_BITS;
        int k = ix >> 23;
        float f = Float.intBitsToFloat((ix & MANTISSA_MASK) + SQRT_HALF_BITS) - 1f;
        float kf = Float.intBitsToFloat(k + SHIFT_BITS) - SHIFT + kAdjust;
        float z = f * f;
        float zErr = Math.fma(f, f, -z);
        float tail = f * z * logPoly(f);
        float halfZ = z * 0.5f;
        float s1 = f - halfZ;
        float e1 = f - s1 - halfZ;
        float kHi = kf * LN2_HI;
        float hi = kHi + s1;
        float e2 = kHi - hi + s1;
        float lo = e2 + e1 - zErr * 0.5f + tail + kf * LN2_LO;
        float logHi = hi + lo;
        float logLo = hi - logHi + lo;
        if (a == 0f) {
            logHi = Float.NEGATIVE_INFINITY;
        }
        if (!(a < Float.POSITIVE_INFINITY)) {
            logHi = a;
        }
        float zh = y * logHi;
        float zl = Math.fma(y, logHi, -zh) + y * logLo;
        if (!(Math.abs(zh) <= -EXP_LO)) {
            zl = 0f;
        }
        float zc = Math.min(Math.max(zh, EXP_LO), EXP_HI);
        float t = Math.fma(zc, LOG2E, SHIFT);
        float n = t - SHIFT;
        float r = Math.fma(n, -LN2_HI, zc);
        r = Math.fma(n, -LN2_LO, r) + zl;
        float result = scale(Math.fma(r * r, expPoly(r), r) + 1f, t);
        boolean yInt = isInteger(y);
        boolean yOdd = yInt && !isInteger(y * 0.5f);
        if (Float.floatToRawIntBits(x) < 0 && yOdd) {
            result = -result;
        }
        if (x < 0f && x != Float.NEGATIVE_INFINITY && !yInt) {
            result = Float.NaN;
        }
        if (y == 1f) {
            result = x;
        }
        return y == 0f ? 1f : result;
    }

    /**
     * Lanes holding an integer or an infinity: every float of magnitude 2^23 or more is an integer, and
     * below it adding 2^23 rounds to an integer (ulp 1), which subtracting 2^23 gives back exactly.
     */
    private static VectorMask<Float> isInteger(FloatVector v) {
        FloatVector a = v.abs();
        FloatVector rounded = a.add(TWO_23).sub(TWO_23);
        return a.compare(VectorOperators.GE, TWO_23).or(rounded.compare(VectorOperators.EQ, a));
    }

    private static boolean isInteger(float v) {
        float a = Math.abs(v);
        return a >= TWO_23 || a + TWO_23 - TWO_23 == a;
    }
}
