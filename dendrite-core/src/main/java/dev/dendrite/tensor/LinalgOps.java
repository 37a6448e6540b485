package dev.dendrite.tensor;

import dev.dendrite.kernel.Gemm;

/** Matrix products, 2-D and batched 3-D, with transposed operands read in place by the GEMM kernel. */
final class LinalgOps {

    private LinalgOps() {
    }

    static Tensor matmul(Tensor a, Tensor b, boolean transA, boolean transB) {
        if (a.rank() == 3 && b.rank() == 2 && !transA) {
            // [batch, m, k] x [k, n] is one [batch*m, k] x [k, n] product: one GEMM, and the batch sum of dB for free.
            int batch = a.dim(0);
            int m = a.dim(1);
            Tensor flat = matmul(a.reshape(batch * m, a.dim(2)), b, false, transB);
            return flat.reshape(batch, m, flat.dim(1));
        }
        if (a.rank() == 2 && b.rank() == 2) {
            return matmul2d(a, b, transA, transB);
        }
        if (a.rank() == 3 && (b.rank() == 3 || b.rank() == 2)) {
            return batched(a, b, transA, transB);
        }
        throw mismatch(a, b, transA, transB);
    }

    private static Tensor matmul2d(Tensor a, Tensor b, boolean transA, boolean transB) {
        int m = transA ? a.dim(1) : a.dim(0);
        int k = transA ? a.dim(0) : a.dim(1);
        int kb = transB ? b.dim(1) : b.dim(0);
        int n = transB ? b.dim(0) : b.dim(1);
        if (k != kb) {
            throw mismatch(a, b, transA, transB);
        }
        float[] c = new float[m * n];
        Gemm.sgemm(transA, transB, m, n, k, 1f, a.data, 0, a.dim(1), b.data, 0, b.dim(1), 0f, c, 0, n);
        Tensor out = new Tensor(Shape.of(m, n), c);
        return out.record("matmul", grad -> {
            // C = op(A) op(B): dop(A) = dC op(B)^T and dop(B) = op(A)^T dC, then undo the op.
            if (a.requiresGrad()) {
                a.accumulateGrad((transA ? matmul2d(b, grad, transB, true) : matmul2d(grad, b, false, !transB)).fresh());
            }
            if (b.requiresGrad()) {
                b.accumulateGrad((transB ? matmul2d(grad, a, true, transA) : matmul2d(a, grad, !transA, false)).fresh());
            }
        }, a, b);
    }

    private static Tensor batched(Tensor a, Tensor b, boolean transA, boolean transB) {
        int batch = a.dim(0);
        boolean sharedB = b.rank() == 2;
        if (!sharedB && b.dim(0) != batch) {
            throw mismatch(a, b, transA, transB);
        }
        int m = transA ? a.dim(2) : a.dim(1);
        int k = transA ? a.dim(1) : a.dim(2);
        int kb = transB ? b.dim(-1) : b.dim(-2);
        int n = transB ? b.dim(-2) : b.dim(-1);
        if (k != kb) {
            throw mismatch(a, b, transA, transB);
        }
        int aStride = a.dim(1) * a.dim(2);
        int bStride = sharedB ? 0 : b.dim(1) * b.dim(2);
        float[] c = new float[batch * m * n];
        for (int i = 0; i < batch; i++) {
            Gemm.sgemm(transA, transB, m, n, k, 1f, a.data, i * aStride, a.dim(2),
                    b.data, i * bStride, b.dim(-1), 0f, c, i * m * n, n);
        }
        Tensor out = new Tensor(Shape.of(batch, m, n), c);
        return out.record("matmul", grad -> {
            if (a.requiresGrad()) {
                a.accumulateGrad((transA ? batched3(b, grad, transB, true) : batched3(grad, b, false, !transB)).fresh());
            }
            if (b.requiresGrad()) {
                Tensor gb = transB ? batched3(grad, a, true, transA) : batched3(a, grad, !transA, false);
                b.accumulateGrad((sharedB ? gb.sum(0) : gb).fresh());
            }
        }, a, b);
    }

    /** A batched product where either operand may be shared 2-D: the 2-D one is used for every batch item. */
    private static Tensor batched3(Tensor a, Tensor b, boolean transA, boolean transB) {
        if (a.rank() == 2) {
            // Only happens for a shared 2-D operand: swap roles through (A B)^T = B^T A^T.
            Tensor swapped = batched(b, a, !transB, !transA);
            return swapped.transpose(1, 2);
        }
        return batched(a, b, transA, transB);
    }

    private static ShapeMismatchException mismatch(Tensor a, Tensor b, boolean transA, boolean transB) {
        return new ShapeMismatchException("matmul: " + a.shape() + (transA ? "^T" : "") + " x " + b.shape()
                + (transB ? "^T" : ""));
    }
}
