package dev.dendrite.kernel;

/** Placeholder single-precision GEMM (replaced by the blocked SIMD kernel). */
public final class Gemm {

    private Gemm() {
    }

    /** C = alpha * op(A) * op(B) + beta * C, all row-major float32. op(A) is m x k, op(B) is k x n, C is m x n. */
    public static void sgemm(boolean transA, boolean transB, int m, int n, int k,
                             float alpha, float[] a, int aOffset, int lda,
                             float[] b, int bOffset, int ldb,
                             float beta, float[] c, int cOffset, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[aOffset + p * lda + i] : a[aOffset + i * lda + p];
                    float bv = transB ? b[bOffset + j * ldb + p] : b[bOffset + p * ldb + j];
                    sum += av * bv;
                }
                int ci = cOffset + i * ldc + j;
                c[ci] = beta == 0 ? alpha * sum : alpha * sum + beta * c[ci];
            }
        }
    }
}
