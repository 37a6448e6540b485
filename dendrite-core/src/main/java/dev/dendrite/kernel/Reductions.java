package dev.dendrite.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD reduction kernels over a tensor viewed as {@code [outer, reduced, inner]}: the reduced axes
 * are the middle block, so one kernel serves "sum the last axis" (inner = 1), "sum over the batch"
 * (outer = 1) and everything between.
 *
 * <p>Every output element is reduced by one thread in a fixed order, so results do not depend on
 * the number of threads: large inputs are split over the outer index only.
 */
public final class Reductions {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Elements of input below which a reduction runs on the calling thread. */
    private static final int MIN_PER_TASK = 1 << 15;

    private Reductions() {
    }

    /** {@code out[o*inner + i] = sum_r x[(o*reduced + r)*inner + i]}. */
    public static void sum(float[] x, int outer, int reduced, int inner, float[] out) {
        forOuter(outer, reduced, inner, (from, to) -> {
            if (inner == 1) {
                for (int o = from; o < to; o++) {
                    out[o] = sumRun(x, o * reduced, reduced);
                }
                return;
            }
            for (int o = from; o < to; o++) {
                int outOff = o * inner;
                int base = o * reduced * inner;
                System.arraycopy(x, base, out, outOff, inner);
                for (int r = 1; r < reduced; r++) {
                    addRun(out, outOff, x, base + r * inner, inner);
                }
            }
        });
    }

    /** The sum of {@code x[off .. off+n)}, in a fixed lane order (the same result on every run). */
    public static float sumRun(float[] x, int off, int n) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            acc = acc.add(FloatVector.fromArray(S, x, off + i));
        }
        float sum = sumLanes(acc);
        for (; i < n; i++) {
            sum += x[off + i];
        }
        return sum;
    }

    /**
     * {@code out[o*inner + i] = max_r x[(o*reduced + r)*inner + i]}; NaN wins, as in {@link Math#max}.
     * Needs {@code reduced >= 1}.
     */
    public static void max(float[] x, int outer, int reduced, int inner, float[] out) {
        extreme(x, outer, reduced, inner, out, true);
    }

    /**
     * {@code out[o*inner + i] = min_r x[(o*reduced + r)*inner + i]}; NaN wins, as in {@link Math#min}.
     * Needs {@code reduced >= 1}.
     */
    public static void min(float[] x, int outer, int reduced, int inner, float[] out) {
        extreme(x, outer, reduced, inner, out, false);
    }

    /**
     * {@code out[o*inner + i]} = the smallest {@code r} at which {@code x[(o*reduced + r)*inner + i]} is
     * the largest (or, when {@code max} is false, the smallest) along {@code r}, as a float; a NaN counts
     * as the extreme, as in torch.argmax. Needs {@code reduced >= 1}.
     */
    public static void argExtreme(float[] x, int outer, int reduced, int inner, float[] out, boolean max) {
        forOuter(outer, reduced, inner, (from, to) -> {
            float[] best = new float[inner];
            for (int o = from; o < to; o++) {
                int base = o * reduced * inner;
                int outOff = o * inner;
                System.arraycopy(x, base, best, 0, inner);
                java.util.Arrays.fill(out, outOff, outOff + inner, 0f);
                for (int r = 1; r < reduced; r++) {
                    int row = base + r * inner;
                    for (int i = 0; i < inner; i++) {
                        float v = x[row + i];
                        float b = best[i];
                        boolean better = b == b && (v != v || (max ? v > b : v < b));
                        if (better) {
                            best[i] = v;
                            out[outOff + i] = r;
                        }
                    }
                }
            }
        });
    }

    private static void extreme(float[] x, int outer, int reduced, int inner, float[] out, boolean max) {
        if (reduced < 1) {
            throw new IllegalArgumentException((max ? "max" : "min") + " over an empty axis");
        }
        VectorOperators.Binary op = max ? VectorOperators.MAX : VectorOperators.MIN;
        forOuter(outer, reduced, inner, (from, to) -> {
            if (inner == 1) {
                for (int o = from; o < to; o++) {
                    out[o] = extremeRun(x, o * reduced, reduced, op, max);
                }
                return;
            }
            for (int o = from; o < to; o++) {
                int outOff = o * inner;
                int base = o * reduced * inner;
                System.arraycopy(x, base, out, outOff, inner);
                for (int r = 1; r < reduced; r++) {
                    extremeInto(out, outOff, x, base + r * inner, inner, op, max);
                }
            }
        });
    }

    private static float extremeRun(float[] x, int off, int n, VectorOperators.Binary op, boolean max) {
        float result = x[off];
        int i = 0;
        if (n >= L) {
            FloatVector acc = FloatVector.fromArray(S, x, off);
            for (i = L; i <= n - L; i += L) {
                acc = acc.lanewise(op, FloatVector.fromArray(S, x, off + i));
            }
            // Lanes combined with Math.max/min, whose NaN rule is specified (reduceLanes leaves such details open).
            for (int lane = 0; lane < L; lane++) {
                float v = acc.lane(lane);
                result = max ? Math.max(result, v) : Math.min(result, v);
            }
        }
        for (; i < n; i++) {
            result = max ? Math.max(result, x[off + i]) : Math.min(result, x[off + i]);
        }
        return result;
    }

    private static void extremeInto(float[] acc, int accOff, float[] x, int xOff, int n,
                                    VectorOperators.Binary op, boolean max) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += L) {
            FloatVector.fromArray(S, acc, accOff + i).lanewise(op, FloatVector.fromArray(S, x, xOff + i))
                    .intoArray(acc, accOff + i);
        }
        for (; i < n; i++) {
            acc[accOff + i] = max ? Math.max(acc[accOff + i], x[xOff + i]) : Math.min(acc[accOff + i], x[xOff + i]);
        }
    }

    /** Lane permutations that swap neighbouring blocks of 8, 4 and 1 lanes (for {@link #sumLanes}). */
    private static final VectorShuffle<Float> XOR8 = L >= 16 ? VectorShuffle.fromOp(S, i -> i ^ 8) : null;
    private static final VectorShuffle<Float> XOR4 = L >= 8 ? VectorShuffle.fromOp(S, i -> i ^ 4) : null;
    private static final VectorShuffle<Float> XOR1 = VectorShuffle.fromOp(S, i -> i ^ 1);

    /**
     * The lanes of {@code v} added in a fixed order: halves folded onto each other, with 8 lanes
     * ((l0 + l4) + (l1 + l5)) + ((l2 + l6) + (l3 + l7)). Not {@code reduceLanes(ADD)}: it leaves the
     * order to the implementation, and the JIT-compiled intrinsic and the interpreter's fallback
     * disagree in the last bit, so the same sum would change as the program warms up.
     */
    static float sumLanes(FloatVector v) {
        // Constant permutations and lanewise adds: about 8 instructions, where adding the lanes one by
        // one took about 25 and a chain of 8 dependent adds. For the matrix-vector rows of a batch-1
        // MLP forward that was 9-10% of the whole forward (both taking turns in one JVM), 22-27% of its
        // 256-wide layer.
        FloatVector t = v;
        if (L >= 16) {
            t = t.add(t.rearrange(XOR8));
        }
        if (L >= 8) {
            t = t.add(t.rearrange(XOR4));
        }
        t = t.add(t.rearrange(XOR1));
        return t.lane(0) + t.lane(2);
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

    /** Splits the outer index over the pool when the input is large; each output element stays on one thread. */
    private static void forOuter(int outer, int reduced, int inner, Parallel.RangeBody body) {
        long work = (long) reduced * inner;
        int minOuterPerTask = (int) Math.max(1, Math.min(Integer.MAX_VALUE, MIN_PER_TASK / Math.max(1, work)));
        Parallel.forRange(outer, minOuterPerTask, body);
    }
}
