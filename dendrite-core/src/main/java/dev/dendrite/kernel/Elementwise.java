package dev.dendrite.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels for binary elementwise arithmetic on flat {@code float[]} runs.
 *
 * <p>The row kernels take a step of 1 (a run of values) or 0 (one value repeated) per operand, which
 * is how broadcasting reaches them: a bias row added to every row of a batch is a run plus a run, a
 * scalar is a step of 0.
 */
public final class Elementwise {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private Elementwise() {
    }

    /** {@code acc[i] += x[i]} for {@code i < n}. */
    public static void addInPlace(float[] acc, float[] x, int n) {
        axpy(acc, x, 1f, n);
    }

    /** {@code y[i] += alpha * x[i]} for {@code i < n}. */
    public static void axpy(float[] y, float[] x, float alpha, int n) {
        FloatVector va = FloatVector.broadcast(S, alpha);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            va.fma(FloatVector.fromArray(S, x, i), FloatVector.fromArray(S, y, i)).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] += alpha * x[i];
        }
    }

    /** {@code x[i] *= alpha} for {@code i < n}. */
    public static void scale(float[] x, float alpha, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, i).mul(alpha).intoArray(x, i);
        }
        for (; i < n; i++) {
            x[i] *= alpha;
        }
    }

    /** {@code out[i] = x[i] * alpha + beta} for {@code i < n} (scalar add and multiply). */
    public static void affine(float[] x, float alpha, float beta, float[] out, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, i).fma(alpha, beta).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = x[i] * alpha + beta;
        }
    }

    /** The binary arithmetic ops with SIMD row kernels. */
    public enum Op {
        /** a + b */
        ADD,
        /** a - b */
        SUB,
        /** a * b */
        MUL,
        /** a / b */
        DIV
    }

    /**
     * {@code out[outOff + i] = a[aOff + i*aStep] op b[bOff + i*bStep]} for {@code i < n}, where each
     * step is 0 or 1.
     */
    public static void apply(Op op, float[] a, int aOff, int aStep, float[] b, int bOff, int bStep,
                             float[] out, int outOff, int n) {
        switch (op) {
            case ADD -> add(a, aOff, aStep, b, bOff, bStep, out, outOff, n);
            case SUB -> sub(a, aOff, aStep, b, bOff, bStep, out, outOff, n);
            case MUL -> mul(a, aOff, aStep, b, bOff, bStep, out, outOff, n);
            case DIV -> div(a, aOff, aStep, b, bOff, bStep, out, outOff, n);
        }
    }

    private static FloatVector load(float[] x, int off, int step, int i) {
        return step == 0 ? FloatVector.broadcast(S, x[off]) : FloatVector.fromArray(S, x, off + i);
    }

    private static void add(float[] a, int aOff, int aStep, float[] b, int bOff, int bStep,
                            float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            load(a, aOff, aStep, i).add(load(b, bOff, bStep, i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = a[aOff + i * aStep] + b[bOff + i * bStep];
        }
    }

    private static void sub(float[] a, int aOff, int aStep, float[] b, int bOff, int bStep,
                            float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            load(a, aOff, aStep, i).sub(load(b, bOff, bStep, i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = a[aOff + i * aStep] - b[bOff + i * bStep];
        }
    }

    private static void mul(float[] a, int aOff, int aStep, float[] b, int bOff, int bStep,
                            float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            load(a, aOff, aStep, i).mul(load(b, bOff, bStep, i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = a[aOff + i * aStep] * b[bOff + i * bStep];
        }
    }

    private static void div(float[] a, int aOff, int aStep, float[] b, int bOff, int bStep,
                            float[] out, int outOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            load(a, aOff, aStep, i).div(load(b, bOff, bStep, i)).intoArray(out, outOff + i);
        }
        for (; i < n; i++) {
            out[outOff + i] = a[aOff + i * aStep] / b[bOff + i * bStep];
        }
    }
}
