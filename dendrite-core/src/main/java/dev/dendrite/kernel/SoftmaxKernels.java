package dev.dendrite.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD kernels for softmax and log-softmax along one axis, and their gradients, on a tensor viewed
 * as {@code [outer, n, inner]} with the axis in the middle.
 *
 * <p>The hot case, the last axis ({@code inner == 1}), works row by row on contiguous runs. Any
 * other axis works on blocks of up to 512 adjacent columns at once: for each step along the
 * axis the block is contiguous, so it vectorises without transposing. Every result subtracts the
 * maximum first, so no input magnitude overflows. Sums run in a fixed order and the work is split
 * by columns (each column is finished by one thread), so results do not depend on thread count.
 */
public final class SoftmaxKernels {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Columns handled together off the last axis: their per-column state stays in L1 while the rows stream past. */
    private static final int BLOCK = 512;
    private static final FloatVector NEG_INF = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);

    private SoftmaxKernels() {
    }

    private enum Kind { SOFTMAX, LOG_SOFTMAX, SOFTMAX_GRAD, LOG_SOFTMAX_GRAD }

    /** {@code out = e^x / sum(e^x)} along the middle axis of {@code x} viewed as {@code [outer, n, inner]}. */
    public static void softmax(float[] x, float[] out, int outer, int n, int inner) {
        run(Kind.SOFTMAX, x, null, out, outer, n, inner);
    }

    /** {@code out = x - log(sum(e^x))} along the middle axis of {@code x} viewed as {@code [outer, n, inner]}. */
    public static void logSoftmax(float[] x, float[] out, int outer, int n, int inner) {
        run(Kind.LOG_SOFTMAX, x, null, out, outer, n, inner);
    }

    /** The gradient of softmax from its output {@code y}: {@code out = y * (g - sum(g * y))}. */
    public static void softmaxGrad(float[] y, float[] g, float[] out, int outer, int n, int inner) {
        run(Kind.SOFTMAX_GRAD, y, g, out, outer, n, inner);
    }

    /** The gradient of log-softmax from its output {@code y}: {@code out = g - e^y * sum(g)}. */
    public static void logSoftmaxGrad(float[] y, float[] g, float[] out, int outer, int n, int inner) {
        run(Kind.LOG_SOFTMAX_GRAD, y, g, out, outer, n, inner);
    }

    private static void run(Kind kind, float[] x, float[] g, float[] out, int outer, int n, int inner) {
        if (n == 0 || outer == 0 || inner == 0) {
            return;
        }
        Chunks.run(outer * inner, n, (from, to) -> {
            if (inner == 1) {
                for (int row = from; row < to; row++) {
                    row(kind, x, g, out, row * n, n);
                }
                return;
            }
            float[] a = new float[Math.min(BLOCK, inner)];
            float[] b = new float[Math.min(BLOCK, inner)];
            for (int column = from; column < to; ) {
                int o = column / inner;
                int start = column % inner;
                int end = Math.min(Math.min(inner, start + BLOCK), start + (to - column));
                block(kind, x, g, out, o * n * inner, n, inner, start, end, a, b);
                column += end - start;
            }
        });
    }

    // ------------------------------------------------------------------ last axis: one contiguous row

    private static void row(Kind kind, float[] x, float[] g, float[] out, int off, int n) {
        switch (kind) {
            case SOFTMAX -> {
                float max = max(x, off, n);
                float sum = expShifted(x, off, n, max, out);
                scale(out, off, n, 1f / sum);
            }
            case LOG_SOFTMAX -> {
                // (x - max) - log(sum) rather than x - (max + log(sum)): the latter rounds log(sum) to the ulp of max.
                float max = max(x, off, n);
                float logSum = VectorMath.log(expShifted(x, off, n, max, null));
                shift(x, off, n, max, logSum, out);
            }
            case SOFTMAX_GRAD -> softmaxGradRow(x, g, out, off, n, dot(g, x, off, n));
            case LOG_SOFTMAX_GRAD -> logSoftmaxGradRow(x, g, out, off, n, sum(g, off, n));
        }
    }

    private static float max(float[] x, int off, int n) {
        FloatVector acc = NEG_INF;
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            acc = acc.max(FloatVector.fromArray(S, x, off + i));
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            acc = acc.lanewise(VectorOperators.MAX, FloatVector.fromArray(S, x, off + i, m), m);
        }
        return acc.reduceLanes(VectorOperators.MAX);
    }

    /** The sum of {@code e^(x - shift)} over the run; also stores each term into {@code out} unless it is null. */
    private static float expShifted(float[] x, int off, int n, float shift, float[] out) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector e = VectorMath.exp(FloatVector.fromArray(S, x, off + i).sub(shift));
            if (out != null) {
                e.intoArray(out, off + i);
            }
            acc = acc.add(e);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector e = VectorMath.exp(FloatVector.fromArray(S, x, off + i, m).sub(shift));
            if (out != null) {
                e.intoArray(out, off + i, m);
            }
            acc = acc.add(e, m);
        }
        return Reductions.sumLanes(acc);
    }

    private static void scale(float[] x, int off, int n, float factor) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, off + i).mul(factor).intoArray(x, off + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, x, off + i, m).mul(factor).intoArray(x, off + i, m);
        }
    }

    private static void shift(float[] x, int off, int n, float first, float second, float[] out) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, x, off + i).sub(first).sub(second).intoArray(out, off + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector.fromArray(S, x, off + i, m).sub(first).sub(second).intoArray(out, off + i, m);
        }
    }

    private static float dot(float[] a, float[] b, int off, int n) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            acc = FloatVector.fromArray(S, a, off + i).fma(FloatVector.fromArray(S, b, off + i), acc);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            acc = FloatVector.fromArray(S, a, off + i, m).fma(FloatVector.fromArray(S, b, off + i, m), acc);
        }
        return Reductions.sumLanes(acc);
    }

    private static float sum(float[] a, int off, int n) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            acc = acc.add(FloatVector.fromArray(S, a, off + i));
        }
        if (i < n) {
            acc = acc.add(FloatVector.fromArray(S, a, off + i, S.indexInRange(i, n)));
        }
        return Reductions.sumLanes(acc);
    }

    private static void softmaxGradRow(float[] y, float[] g, float[] out, int off, int n, float dot) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector vy = FloatVector.fromArray(S, y, off + i);
            FloatVector.fromArray(S, g, off + i).sub(dot).mul(vy).intoArray(out, off + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector vy = FloatVector.fromArray(S, y, off + i, m);
            FloatVector.fromArray(S, g, off + i, m).sub(dot).mul(vy).intoArray(out, off + i, m);
        }
    }

    private static void logSoftmaxGradRow(float[] y, float[] g, float[] out, int off, int n, float sum) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector p = VectorMath.exp(FloatVector.fromArray(S, y, off + i));
            p.mul(-sum).add(FloatVector.fromArray(S, g, off + i)).intoArray(out, off + i);
        }
        if (i < n) {
            VectorMask<Float> m = S.indexInRange(i, n);
            FloatVector p = VectorMath.exp(FloatVector.fromArray(S, y, off + i, m));
            p.mul(-sum).add(FloatVector.fromArray(S, g, off + i, m)).intoArray(out, off + i, m);
        }
    }

    // ------------------------------------------------------------------ other axes: a block of columns

    /**
     * One block: columns {@code [start, end)} (at most {@link #BLOCK}) of the {@code [n, inner]} slab at
     * {@code base}; element {@code (r, c)} is at {@code base + r * inner + c}. Each pass walks the rows
     * in order, reading a contiguous run of the block per row, with per-column state in {@code a} and
     * {@code b} (scratch of length BLOCK).
     */
    private static void block(Kind kind, float[] x, float[] g, float[] out, int base, int n, int inner,
                              int start, int end, float[] a, float[] b) {
        int width = end - start;
        switch (kind) {
            case SOFTMAX, LOG_SOFTMAX -> {
                System.arraycopy(x, base + start, a, 0, width);
                java.util.Arrays.fill(b, 0, width, 0f);
                for (int r = 1; r < n; r++) {
                    int row = base + r * inner + start;
                    for (int c = 0; c < width; c += L) {
                        VectorMask<Float> m = S.indexInRange(c, width);
                        FloatVector.fromArray(S, a, c, m).max(FloatVector.fromArray(S, x, row + c, m)).intoArray(a, c, m);
                    }
                }
                for (int r = 0; r < n; r++) {
                    int row = base + r * inner + start;
                    for (int c = 0; c < width; c += L) {
                        VectorMask<Float> m = S.indexInRange(c, width);
                        FloatVector e = VectorMath.exp(
                                FloatVector.fromArray(S, x, row + c, m).sub(FloatVector.fromArray(S, a, c, m)));
                        if (kind == Kind.SOFTMAX) {
                            e.intoArray(out, row + c, m);
                        }
                        FloatVector.fromArray(S, b, c, m).add(e).intoArray(b, c, m);
                    }
                }
                for (int c = 0; c < width; c += L) {
                    VectorMask<Float> m = S.indexInRange(c, width);
                    FloatVector sum = FloatVector.fromArray(S, b, c, m);
                    (kind == Kind.SOFTMAX ? FloatVector.broadcast(S, 1f).div(sum) : VectorMath.log(sum))
                            .intoArray(b, c, m);
                }
                for (int r = 0; r < n; r++) {
                    int row = base + r * inner + start;
                    for (int c = 0; c < width; c += L) {
                        VectorMask<Float> m = S.indexInRange(c, width);
                        if (kind == Kind.SOFTMAX) {
                            FloatVector.fromArray(S, out, row + c, m).mul(FloatVector.fromArray(S, b, c, m))
                                    .intoArray(out, row + c, m);
                        } else {
                            FloatVector.fromArray(S, x, row + c, m).sub(FloatVector.fromArray(S, a, c, m))
                                    .sub(FloatVector.fromArray(S, b, c, m)).intoArray(out, row + c, m);
                        }
                    }
                }
            }
            case SOFTMAX_GRAD, LOG_SOFTMAX_GRAD -> {
                // a holds sum(g * y) for softmax, sum(g) for log-softmax, per column.
                java.util.Arrays.fill(a, 0, width, 0f);
                for (int r = 0; r < n; r++) {
                    int row = base + r * inner + start;
                    for (int c = 0; c < width; c += L) {
                        VectorMask<Float> m = S.indexInRange(c, width);
                        FloatVector vg = FloatVector.fromArray(S, g, row + c, m);
                        FloatVector acc = FloatVector.fromArray(S, a, c, m);
                        (kind == Kind.SOFTMAX_GRAD ? vg.fma(FloatVector.fromArray(S, x, row + c, m), acc) : acc.add(vg))
                                .intoArray(a, c, m);
                    }
                }
                for (int r = 0; r < n; r++) {
                    int row = base + r * inner + start;
                    for (int c = 0; c < width; c += L) {
                        VectorMask<Float> m = S.indexInRange(c, width);
                        FloatVector vg = FloatVector.fromArray(S, g, row + c, m);
                        FloatVector vy = FloatVector.fromArray(S, x, row + c, m);
                        FloatVector va = FloatVector.fromArray(S, a, c, m);
                        (kind == Kind.SOFTMAX_GRAD ? vg.sub(va).mul(vy)
                                : VectorMath.exp(vy).mul(va).neg().add(vg)).intoArray(out, row + c, m);
                    }
                }
            }
        }
    }
}
