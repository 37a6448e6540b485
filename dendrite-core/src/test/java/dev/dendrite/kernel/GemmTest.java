package dev.dendrite.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GemmTest {

    private static final double U = 0x1p-24; // unit roundoff of float32

    /** One product: operands with random offsets and padded leading dimensions, and the C it started with. */
    private record Case(boolean tA, boolean tB, int m, int n, int k, float alpha, float beta,
                        float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c0, int cOff, int ldc) {

        static Case random(SplittableRandom rnd, boolean tA, boolean tB, int m, int n, int k,
                           float alpha, float beta, boolean padded) {
            int aRows = tA ? k : m, aCols = tA ? m : k;
            int bRows = tB ? n : k, bCols = tB ? k : n;
            int lda = aCols + (padded ? rnd.nextInt(5) : 0);
            int ldb = bCols + (padded ? rnd.nextInt(5) : 0);
            int ldc = n + (padded ? rnd.nextInt(5) : 0);
            int aOff = padded ? rnd.nextInt(7) : 0, bOff = padded ? rnd.nextInt(7) : 0, cOff = padded ? rnd.nextInt(7) : 0;
            float[] a = fill(rnd, aOff + Math.max(1, aRows * lda) + (padded ? 3 : 0));
            float[] b = fill(rnd, bOff + Math.max(1, bRows * ldb) + (padded ? 3 : 0));
            float[] c = fill(rnd, cOff + m * ldc + (padded ? 3 : 0));
            return new Case(tA, tB, m, n, k, alpha, beta, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
        }

        float[] run(Gemm.Blocking blocking) {
            float[] c = c0.clone();
            Gemm.sgemm(blocking, tA, tB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            return c;
        }

        float[] run() {
            return run(Gemm.DEFAULT);
        }

        float opA(int i, int p) {
            return tA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
        }

        float opB(int p, int j) {
            return tB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
        }

        /** Checks every element of C against a double-precision reference, and that padding is untouched. */
        void check(float[] c) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0, mag = 0;
                    for (int p = 0; p < k; p++) {
                        double t = (double) opA(i, p) * opB(p, j);
                        sum += t;
                        mag += Math.abs(t);
                    }
                    int at = cOff + i * ldc + j;
                    double old = beta == 0f ? 0 : beta * (double) c0[at];
                    double want = alpha * sum + old;
                    // Any order of k float additions (with or without FMA) is off by at most about
                    // k*u*sum|a||b| (the classic gamma_k bound); alpha*, beta* and the final add are
                    // three more roundings. Using this worst-case bound (not an empirical 1e-5) keeps the
                    // test exact about what float32 can promise, and still catches a lost or doubled term
                    // (~|a||b| ~ 0.25) since k*u*sum|a||b| is ~1e-3 even at k = 300.
                    double tol = (k + 3) * U * 1.01 * (Math.abs(alpha) * mag + Math.abs(old)) + Float.MIN_NORMAL;
                    assertThat((double) c[at])
                            .as("%s C(%d,%d)", this, i, j)
                            .isCloseTo(want, org.assertj.core.data.Offset.offset(tol));
                }
            }
            for (int x = 0; x < c.length; x++) {
                int rel = x - cOff;
                boolean inside = rel >= 0 && rel / ldc < m && rel % ldc < n;
                if (!inside) {
                    assertThat(c[x]).as("%s padding at %d", this, x).isEqualTo(c0[x]);
                }
            }
        }

        @Override
        public String toString() {
            return String.format("sgemm(tA=%s tB=%s m=%d n=%d k=%d alpha=%s beta=%s lda=%d ldb=%d ldc=%d offs=%d/%d/%d)",
                    tA, tB, m, n, k, alpha, beta, lda, ldb, ldc, aOff, bOff, cOff);
        }
    }

    private static float[] fill(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
    }

    private static final int[] AWKWARD = {1, 2, 3, 5, 6, 7, 8, 13, 15, 16, 17, 31, 37, 61, 64, 65, 97, 127, 128, 131, 193, 257, 293};

    @Test
    void randomShapesAllTransposesAgainstDoubleReference() {
        SplittableRandom rnd = new SplittableRandom(1);
        float[][] alphaBeta = {{1f, 0f}, {1f, 1f}, {-0.5f, 2f}, {2.5f, -1f}};
        for (int trial = 0; trial < 160; trial++) {
            int m = rnd.nextBoolean() ? AWKWARD[rnd.nextInt(AWKWARD.length)] : 1 + rnd.nextInt(300);
            int n = rnd.nextBoolean() ? AWKWARD[rnd.nextInt(AWKWARD.length)] : 1 + rnd.nextInt(300);
            int k = rnd.nextBoolean() ? AWKWARD[rnd.nextInt(AWKWARD.length)] : 1 + rnd.nextInt(300);
            float[] ab = alphaBeta[trial % alphaBeta.length];
            Case cs = Case.random(rnd, (trial & 1) != 0, (trial & 2) != 0, m, n, k, ab[0], ab[1], trial % 3 != 0);
            cs.check(cs.run());
        }
    }

    @Test
    void tinyShapesVectorsAndTileEdges() {
        SplittableRandom rnd = new SplittableRandom(2);
        int[][] shapes = {
            {1, 1, 1}, {1, 1, 7}, {1, 17, 1}, {17, 1, 1}, {1, 300, 129}, {300, 1, 129}, {1, 1, 1000},
            {2, 2, 2}, {5, 15, 3}, {6, 16, 256}, {7, 17, 257}, {12, 32, 512}, {11, 33, 255},
            {6, 64, 256}, {13, 65, 300}, {128, 10, 128}, {10, 128, 128},
        };
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                Case cs = Case.random(rnd, (t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], 1.5f, 0.5f, true);
                cs.check(cs.run());
            }
        }
    }

    @Test
    void mlpShapes() {
        SplittableRandom rnd = new SplittableRandom(3);
        int[][] shapes = { // m, n, k, transA, transB
            {128, 256, 784, 0, 0}, {128, 128, 256, 0, 0}, {128, 10, 128, 0, 0},
            {784, 256, 128, 1, 0}, {128, 784, 256, 0, 1}, {256, 128, 128, 1, 0}, {128, 256, 128, 0, 1},
        };
        for (int[] s : shapes) {
            Case cs = Case.random(rnd, s[3] == 1, s[4] == 1, s[0], s[1], s[2], 1f, 0f, false);
            cs.check(cs.run());
        }
    }

    @Test
    void otherBlockingsIncludingTheWideKernel() {
        SplittableRandom rnd = new SplittableRandom(4);
        Gemm.Blocking[] blockings = {
            new Gemm.Blocking(4, 12, 7, 1000),    // the 6 x 4-vector (AVX-512) kernel, tiny blocks
            new Gemm.Blocking(2, 4, 1, 64),       // kc = 1, one sliver of B at a time
            new Gemm.Blocking(2, 20, 33, 5000),   // several k, m and n blocks
            new Gemm.Blocking(4, 192, 256, 1 << 20),
            new Gemm.Blocking(2, 18, 33, 5000, 6), // the 6 x 2-vector kernel, several blocks
            new Gemm.Blocking(2, 6, 1, 64, 6),
        };
        for (Gemm.Blocking bl : blockings) {
            for (int trial = 0; trial < 24; trial++) {
                int m = 2 + rnd.nextInt(90), n = 2 + rnd.nextInt(150), k = 1 + rnd.nextInt(120);
                Case cs = Case.random(rnd, (trial & 1) != 0, (trial & 2) != 0, m, n, k, 0.75f, trial % 3 == 0 ? 0f : 1f, true);
                cs.check(cs.run(bl));
            }
        }
    }

    @Test
    void betaZeroOverwritesNaN() {
        SplittableRandom rnd = new SplittableRandom(5);
        // Blocked, matrix-vector both ways, k = 0, thin C (n < 16) and short C (m <= 12), B both ways.
        int[][] shapes = {{37, 41, 43}, {1, 50, 20}, {50, 1, 20}, {3, 3, 0}, {64, 10, 20}, {10, 40, 20}};
        for (int t = 0; t < 2 * shapes.length; t++) {
            int[] s = shapes[t / 2];
            Case cs = Case.random(rnd, false, t % 2 == 0, s[0], s[1], s[2], 1f, 0f, true);
            float[] c = cs.c0.clone();
            Arrays.fill(c, Float.NaN);
            Gemm.sgemm(cs.tA, cs.tB, cs.m, cs.n, cs.k, 1f, cs.a, cs.aOff, cs.lda, cs.b, cs.bOff, cs.ldb, 0f, c, cs.cOff, cs.ldc);
            for (int i = 0; i < cs.m; i++) {
                for (int j = 0; j < cs.n; j++) {
                    assertThat(c[cs.cOff + i * cs.ldc + j]).as("%s C(%d,%d)", cs, i, j).isNotNaN();
                }
            }
        }
    }

    @Test
    void kZeroAndAlphaZeroOnlyScaleC() {
        float[] c = {1, 2, 3, 4, 5, 6};
        Gemm.sgemm(false, false, 2, 3, 0, 1f, new float[0], 0, 1, new float[0], 0, 3, 2f, c, 0, 3);
        assertThat(c).containsExactly(2, 4, 6, 8, 10, 12);
        Gemm.sgemm(false, false, 2, 3, 0, 1f, new float[0], 0, 1, new float[0], 0, 3, 0f, c, 0, 3);
        assertThat(c).containsOnly(0f);
        float[] nanA = {Float.NaN, Float.NaN};
        float[] c2 = {1, 1};
        Gemm.sgemm(false, false, 1, 2, 1, 0f, nanA, 0, 1, nanA, 0, 2, 3f, c2, 0, 2);
        assertThat(c2).containsExactly(3, 3);
    }

    @Test
    void convenienceOverloadIsDenseAlphaOneBetaZero() {
        SplittableRandom rnd = new SplittableRandom(6);
        for (int t = 0; t < 4; t++) {
            Case cs = Case.random(rnd, (t & 1) != 0, (t & 2) != 0, 23, 29, 31, 1f, 0f, false);
            float[] c = new float[23 * 29];
            Arrays.fill(c, Float.NaN);
            Gemm.sgemm(cs.tA, cs.tB, 23, 29, 31, cs.a, cs.b, c);
            cs.check(c);
        }
    }

    @Test
    void bitIdenticalAcrossRunsAndThreadCounts() {
        SplittableRandom rnd = new SplittableRandom(7);
        int[][] shapes = { // m, n, k: column split (m <= n, or few rows), matrix-vector both ways, MLP, row split, several k
            // blocks, thin C (threaded with k blocks and an edge panel, and small)
            {200, 300, 250}, {7, 3000, 200}, {1, 4000, 700}, {4000, 1, 700}, {128, 256, 784}, {301, 299, 517},
            {100, 500, 1100}, {128, 784, 256}, {500, 10, 1300}, {131, 7, 40},
        };
        int saved = Parallel.threads();
        try {
            for (int[] s : shapes) {
                for (int t = 0; t < 4; t++) {
                    Case cs = Case.random(rnd, (t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], 1f, t == 0 ? 0f : 0.5f, true);
                    Parallel.setThreads(1);
                    float[] one = cs.run();
                    Parallel.setThreads(2);
                    float[] two = cs.run();
                    float[] again = cs.run();
                    assertThat(Arrays.mismatch(two, one)).as("%s, first difference 1 vs 2 threads", cs).isEqualTo(-1);
                    assertThat(Arrays.mismatch(again, two)).as("%s, first difference repeated", cs).isEqualTo(-1);
                    if (t == 0) {
                        cs.check(two);
                    }
                }
            }
        } finally {
            Parallel.setThreads(saved);
        }
    }

    @Test
    void unitsPackedTwiceAtOnceNeverShowAReaderAPartialValue() {
        // With negative patience every use of a shared unit packs it again while the other thread may
        // be computing from it (a unit a thread gives up waiting for is packed twice at once): a
        // packing routine that stored anything but final values, even for a moment, would show up
        // as a wrong product.
        SplittableRandom rnd = new SplittableRandom(8);
        int[][] shapes = { // shared A (column split, both A layouts), shared B (row split, both B layouts)
            {128, 256, 784}, {100, 500, 1100}, {600, 200, 300}, {301, 299, 517}, {400, 150, 1100},
        };
        int saved = Parallel.threads();
        long patience = Gemm.packPatienceNanos;
        try {
            for (int[] s : shapes) {
                for (int t = 0; t < 4; t++) {
                    Case cs = Case.random(rnd, (t & 1) != 0, (t & 2) != 0, s[0], s[1], s[2], 1f, 0.5f, true);
                    Parallel.setThreads(1);
                    float[] one = cs.run();
                    Parallel.setThreads(2);
                    Gemm.packPatienceNanos = -1;
                    for (int rep = 0; rep < 5; rep++) {
                        float[] two = cs.run();
                        assertThat(Arrays.mismatch(two, one)).as("%s, repetition %d", cs, rep).isEqualTo(-1);
                    }
                    Gemm.packPatienceNanos = patience;
                }
            }
        } finally {
            Gemm.packPatienceNanos = patience;
            Parallel.setThreads(saved);
        }
    }

    @Test
    void matrixVectorRowsDoNotDependOnHowTheyAreGrouped() {
        // Rows go through a four-row kernel or a one-row tail depending on where they fall; shifting
        // the matrix by one row moves every row between the two, and no result may change.
        SplittableRandom rnd = new SplittableRandom(8);
        for (int k : new int[] {1, 7, 8, 15, 16, 17, 24, 100, 784}) {
            int rows = 11;
            float[] mat = fill(rnd, (rows + 1) * k);
            float[] x = fill(rnd, k);
            float[] y = new float[rows + 1];
            Gemm.sgemm(false, false, rows + 1, 1, k, 1f, mat, 0, k, x, 0, 1, 0f, y, 0, 1);
            float[] shifted = new float[rows];
            Gemm.sgemm(false, false, rows, 1, k, 1f, mat, k, k, x, 0, 1, 0f, shifted, 0, 1);
            assertThat(shifted).as("k=%d", k).containsExactly(Arrays.copyOfRange(y, 1, rows + 1));
            float[] xt = new float[rows + 1]; // x^T M^T: the m == 1 form of the same products
            Gemm.sgemm(false, true, 1, rows + 1, k, 1f, x, 0, k, mat, 0, k, 0f, xt, 0, rows + 1);
            assertThat(xt).as("k=%d, row-vector form", k).containsExactly(y);
        }
    }

    @Test
    void badArgumentsAreNamed() {
        float[] x = new float[12];
        assertThatThrownBy(() -> Gemm.sgemm(false, false, -1, 2, 2, 1f, x, 0, 2, x, 0, 2, 0f, x, 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m=-1");
        assertThatThrownBy(() -> Gemm.sgemm(false, false, 3, 3, 3, 1f, x, 0, 2, x, 0, 3, 0f, new float[9], 0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leading dimension of A");
        assertThatThrownBy(() -> Gemm.sgemm(false, true, 3, 4, 3, 1f, x, 0, 3, new float[11], 0, 3, 0f, new float[12], 0, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("B (stored 4 x 3");
        assertThatThrownBy(() -> Gemm.sgemm(false, false, 3, 3, 3, 1f, x, 0, 3, x, 0, 3, 0f, new float[9], 1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("C (stored 3 x 3");
        assertThatThrownBy(() -> Gemm.sgemm(false, false, 1, 1, 1, null, x, x))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A is null");
    }
}
