package dev.dendrite.bench.blas;

import dev.dendrite.bench.GemmShapes;
import dev.dendrite.kernel.Gemm;
import dev.dendrite.kernel.Parallel;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Dendrite's sgemm against OpenBLAS's, in one JVM, taking turns: each round times a slice of
 * Dendrite, then a slice of OpenBLAS, on the same operands. On the shared development machine the
 * speed of a core moves by up to 2x from one minute to the next; two runs a minute apart (the NumPy
 * script) can only compare what the machine did in those two minutes, while the per-round ratio
 * here compares both under the same load, and its median over the rounds is the figure to quote.
 *
 * <p>A pause follows every slice, so the threads of the side that just ran have gone idle (both
 * libraries' workers keep spinning for a while after a call) before the other side starts.
 *
 * <pre>
 * env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE java --add-modules jdk.incubator.vector \
 *     --enable-native-access=ALL-UNNAMED -cp dendrite-bench/target/benchmarks.jar \
 *     dev.dendrite.bench.blas.GemmVsOpenBlasPaired [--threads=1,2] [--rounds=15] [--slice-ms=200] [--pause-ms=150] \
 *     sq1024 fc1.fwd ...
 * </pre>
 *
 * Shapes are {@link GemmShapes} names (default: all of them). A matrix-vector shape (m or n is 1)
 * goes to OpenBLAS's {@code cblas_sgemv}, its own kernel for that case: its sgemm packs the operands
 * as for any product and ran 5 GFLOP/s on the batch-1 layers.
 */
public final class GemmVsOpenBlasPaired {

    private GemmVsOpenBlasPaired() {
    }

    /** Runs the comparison; see the class comment for the arguments. */
    public static void main(String[] args) throws InterruptedException {
        int[] threadCounts = {1, 2};
        int rounds = 15;
        long sliceNanos = 200_000_000L;
        long pauseMillis = 150;
        List<String> shapes = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--threads=")) {
                threadCounts = Arrays.stream(arg.substring(10).split(",")).mapToInt(Integer::parseInt).toArray();
            } else if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(arg.substring(9));
            } else if (arg.startsWith("--slice-ms=")) {
                sliceNanos = Long.parseLong(arg.substring(11)) * 1_000_000L;
            } else if (arg.startsWith("--pause-ms=")) {
                pauseMillis = Long.parseLong(arg.substring(11));
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + arg);
            } else {
                shapes.add(arg);
            }
        }
        if (shapes.isEmpty()) {
            shapes.addAll(GemmShapes.NAMES);
        }
        shapes.forEach(GemmShapes::of); // an unknown name fails before anything is measured
        OpenBlas blas = OpenBlas.load();
        String coreType = System.getenv("OPENBLAS_CORETYPE");
        System.out.printf(Locale.ROOT, "OpenBLAS kernel %s (%s)%s%n", blas.coreName(), blas.config(),
                coreType == null ? "" : "  WARNING: OPENBLAS_CORETYPE=" + coreType + " forces this kernel");
        System.out.printf(Locale.ROOT, "%d rounds of %d ms per side; GFLOP/s medians; ratio = median of the per-round ratios [quartiles]%n",
                rounds, sliceNanos / 1_000_000);
        System.out.printf(Locale.ROOT, "%-10s %7s %10s %10s %8s %15s%n", "shape", "threads", "Dendrite", "OpenBLAS",
                "ratio", "quartiles");
        for (String shape : shapes) {
            for (int threads : threadCounts) {
                compare(blas, shape, threads, rounds, sliceNanos, pauseMillis);
            }
        }
    }

    private static void compare(OpenBlas blas, String shape, int threads, int rounds, long sliceNanos,
                                long pauseMillis) throws InterruptedException {
        GemmShapes.Shape s = GemmShapes.of(shape);
        int m = s.m();
        int n = s.n();
        int k = s.k();
        int lda = s.transA() ? m : k;
        int ldb = s.transB() ? k : n;
        SplittableRandom random = new SplittableRandom(42);
        float[] a = GemmShapes.random(random, m * k);
        float[] b = GemmShapes.random(random, k * n);
        float[] c = new float[m * n];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment na = copy(arena, a);
            MemorySegment nb = copy(arena, b);
            MemorySegment nc = arena.allocate((long) m * n * Float.BYTES, 64);
            Parallel.setThreads(threads);
            blas.setThreads(threads);
            Runnable dendrite = () -> Gemm.sgemm(s.transA(), s.transB(), m, n, k, 1f, a, 0, lda, b, 0, ldb, 0f, c, 0, n);
            Runnable openBlas = m == 1 || n == 1
                    ? matrixVector(blas, s, na, lda, nb, ldb, nc, n)
                    : () -> blas.sgemm(s.transA(), s.transB(), m, n, k, na, lda, nb, ldb, 0f, nc, n);
            dendrite.run();
            openBlas.run();
            checkAgree(c, nc.toArray(ValueLayout.JAVA_FLOAT), k, shape);
            double flop = 2.0 * m * n * k;
            rate(dendrite, flop, 1_000_000_000L); // warm-up
            rate(openBlas, flop, 1_000_000_000L);
            double[] ours = new double[rounds];
            double[] theirs = new double[rounds];
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                Thread.sleep(pauseMillis);
                ours[r] = rate(dendrite, flop, sliceNanos);
                Thread.sleep(pauseMillis);
                theirs[r] = rate(openBlas, flop, sliceNanos);
                ratios[r] = ours[r] / theirs[r];
            }
            Arrays.sort(ours);
            Arrays.sort(theirs);
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "%-10s %7d %10.1f %10.1f %8.2f %7.2f-%.2f%n", shape, threads,
                    ours[rounds / 2], theirs[rounds / 2], ratios[rounds / 2], ratios[rounds / 4], ratios[3 * rounds / 4]);
        }
    }

    /**
     * The product of a shape with m == 1 or n == 1 as one cblas_sgemv: the vector is A's row (m == 1)
     * or B's column (n == 1), the matrix the other operand, read as stored.
     */
    private static Runnable matrixVector(OpenBlas blas, GemmShapes.Shape s, MemorySegment a, int lda,
                                         MemorySegment b, int ldb, MemorySegment c, int ldc) {
        int m = s.m();
        int n = s.n();
        int k = s.k();
        if (m == 1) {
            // y[n] = op(B)^T x: B stored [n x k] when transposed (y = B x), else [k x n] (y = B^T x).
            int incx = s.transA() ? lda : 1;
            return s.transB()
                    ? () -> blas.sgemv(false, n, k, b, ldb, a, incx, 0f, c, 1)
                    : () -> blas.sgemv(true, k, n, b, ldb, a, incx, 0f, c, 1);
        }
        // y[m] = op(A) x, x = op(B)'s column: A stored [m x k], or [k x m] when transposed.
        int incx = s.transB() ? 1 : ldb;
        return s.transA()
                ? () -> blas.sgemv(true, k, m, a, lda, b, incx, 0f, c, ldc)
                : () -> blas.sgemv(false, m, k, a, lda, b, incx, 0f, c, ldc);
    }

    /** GFLOP/s of calling {@code product} back to back for {@code nanos}. */
    private static double rate(Runnable product, double flop, long nanos) {
        long start = System.nanoTime();
        long calls = 0;
        long elapsed;
        do {
            product.run();
            calls++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        return flop * calls / elapsed;
    }

    private static MemorySegment copy(Arena arena, float[] values) {
        MemorySegment segment = arena.allocate((long) values.length * Float.BYTES, 64);
        MemorySegment.copy(values, 0, segment, ValueLayout.JAVA_FLOAT, 0, values.length);
        return segment;
    }

    /** Both libraries must compute the same product; a float32 sum of k terms in [-1, 1] differs by far less than this. */
    private static void checkAgree(float[] ours, float[] theirs, int k, String shape) {
        double tolerance = 1e-5 * k;
        for (int i = 0; i < ours.length; i++) {
            if (!(Math.abs(ours[i] - theirs[i]) <= tolerance)) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "%s: Dendrite and OpenBLAS disagree at element %d: %g vs %g", shape, i, ours[i], theirs[i]));
            }
        }
    }
}
