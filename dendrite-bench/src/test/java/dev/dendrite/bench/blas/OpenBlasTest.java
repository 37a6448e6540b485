package dev.dendrite.bench.blas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.dendrite.bench.GemmShapes;
import dev.dendrite.kernel.Gemm;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The foreign-function binding the paired GEMM comparison stands on: if it passed the transpose
 * flags or leading dimensions wrongly, the comparison would time a different product. Needs Debian's
 * libopenblas0-pthread: .ci/run installs it, and elsewhere the test is skipped without it.
 */
class OpenBlasTest {

    @Test
    void cblasSgemmComputesTheProductDendriteComputesForEveryTransposeCombination() {
        OpenBlas blas = loadOrSkipOutsideCi();
        assertThat(blas.coreName()).isNotBlank();
        SplittableRandom random = new SplittableRandom(11);
        int m = 37;
        int n = 23;
        int k = 19;
        for (int t = 0; t < 4; t++) {
            boolean transA = (t & 1) != 0;
            boolean transB = (t & 2) != 0;
            int lda = transA ? m : k;
            int ldb = transB ? k : n;
            float[] a = GemmShapes.random(random, m * k);
            float[] b = GemmShapes.random(random, k * n);
            float[] ours = new float[m * n];
            Gemm.sgemm(transA, transB, m, n, k, a, b, ours);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment c = arena.allocate((long) m * n * Float.BYTES);
                blas.setThreads(1);
                blas.sgemm(transA, transB, m, n, k, arena.allocateFrom(ValueLayout.JAVA_FLOAT, a), lda,
                        arena.allocateFrom(ValueLayout.JAVA_FLOAT, b), ldb, 0f, c, n);
                float[] theirs = c.toArray(ValueLayout.JAVA_FLOAT);
                for (int i = 0; i < ours.length; i++) {
                    assertThat(theirs[i]).as("transA=%s transB=%s element %d", transA, transB, i)
                            .isCloseTo(ours[i], within(1e-4f));
                }
            }
        }
    }

    @Test
    void cblasSgemvComputesTheMatrixVectorProductDendriteComputesEitherWay() {
        OpenBlas blas = loadOrSkipOutsideCi();
        SplittableRandom random = new SplittableRandom(12);
        int rows = 23;
        int cols = 19;
        float[] a = GemmShapes.random(random, rows * cols);
        for (boolean trans : new boolean[] {false, true}) {
            int in = trans ? rows : cols;
            int out = trans ? cols : rows;
            float[] x = GemmShapes.random(random, in);
            float[] ours = new float[out];
            // y = op(A) x as a product with one column: A stored [rows x cols], read transposed or not
            Gemm.sgemm(trans, false, out, 1, in, 1f, a, 0, cols, x, 0, 1, 0f, ours, 0, 1);
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment y = arena.allocate((long) out * Float.BYTES);
                blas.setThreads(1);
                blas.sgemv(trans, rows, cols, arena.allocateFrom(ValueLayout.JAVA_FLOAT, a), cols,
                        arena.allocateFrom(ValueLayout.JAVA_FLOAT, x), 1, 0f, y, 1);
                float[] theirs = y.toArray(ValueLayout.JAVA_FLOAT);
                for (int i = 0; i < out; i++) {
                    assertThat(theirs[i]).as("trans=%s element %d", trans, i).isCloseTo(ours[i], within(1e-4f));
                }
            }
        }
    }

    private static OpenBlas loadOrSkipOutsideCi() {
        if (!"true".equals(System.getenv("CI"))) {
            boolean present;
            try {
                OpenBlas.load();
                present = true;
            } catch (IllegalStateException e) {
                present = false;
            }
            assumeThat(present).as("OpenBLAS is installed (apt-get install libopenblas0-pthread)").isTrue();
        }
        return OpenBlas.load();
    }

    @Test
    void aMissingLibraryIsNamed() {
        String saved = System.getProperty("dendrite.openblas");
        System.setProperty("dendrite.openblas", "/nonexistent/libopenblas.so");
        try {
            assertThatThrownBy(OpenBlas::load).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("/nonexistent/libopenblas.so");
        } finally {
            if (saved == null) {
                System.clearProperty("dendrite.openblas");
            } else {
                System.setProperty("dendrite.openblas", saved);
            }
        }
    }
}
