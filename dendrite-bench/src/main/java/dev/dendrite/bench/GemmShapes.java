package dev.dendrite.bench;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The named sgemm shapes the GEMM benchmarks share (JMH's {@link GemmBenchmark}, the paired OpenBLAS
 * comparison, and scripts/gemm_vs_openblas.py; GemmShapesTest checks the other two copies).
 *
 * <p>"sqN" is N x N times N x N; "fcL.fwd" the forward product of layer L of a 784-256-128-10 MLP
 * at batch 128 (X W), "fcL.dW" its weight gradient (X^T dY, transposed A), "fcL.dX" its input
 * gradient (dY W^T, transposed B), with W stored [in, out] as the foundation issue writes them.
 * "linL.*" are the same layer's products as Dendrite's {@code nn.Linear} runs them, W stored
 * [out, in] like PyTorch: forward X W^T (transposed B), dW = dY^T X (transposed A), dX = dY W;
 * "linL.fwd1" is that forward for one example (batch-1 inference: a matrix-vector product).
 */
public final class GemmShapes {

    /** Every shape name, squares first. */
    public static final List<String> NAMES = List.of("sq256", "sq512", "sq1024", "sq2048",
            "fc1.fwd", "fc1.dW", "fc1.dX", "fc2.fwd", "fc2.dW", "fc2.dX", "fc3.fwd", "fc3.dW", "fc3.dX",
            "lin1.fwd", "lin1.dW", "lin2.fwd", "lin2.dW", "lin2.dX", "lin3.fwd", "lin3.dW", "lin3.dX",
            "lin1.fwd1", "lin2.fwd1");

    /** C[m x n] = op(A)[m x k] op(B)[k x n], with A or B read transposed. */
    public record Shape(int m, int n, int k, boolean transA, boolean transB) {
    }

    private GemmShapes() {
    }

    /**
     * The shape of a name.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static Shape of(String name) {
        if (name.matches("sq[1-9][0-9]{0,4}")) {
            int s = Integer.parseInt(name.substring(2));
            return new Shape(s, s, s, false, false);
        }
        return switch (name) {
            case "fc1.fwd" -> new Shape(128, 256, 784, false, false);  // X[128x784] W1[784x256]
            case "fc1.dW" -> new Shape(784, 256, 128, true, false);    // X^T dY1
            case "fc1.dX" -> new Shape(128, 784, 256, false, true);    // dY1 W1^T
            case "fc2.fwd" -> new Shape(128, 128, 256, false, false);  // H1[128x256] W2[256x128]
            case "fc2.dW" -> new Shape(256, 128, 128, true, false);
            case "fc2.dX" -> new Shape(128, 256, 128, false, true);
            case "fc3.fwd" -> new Shape(128, 10, 128, false, false);   // H2[128x128] W3[128x10]
            case "fc3.dW" -> new Shape(128, 10, 128, true, false);
            case "fc3.dX" -> new Shape(128, 128, 10, false, true);
            case "lin1.fwd" -> new Shape(128, 256, 784, false, true);  // X[128x784] W1[256x784]^T
            case "lin1.dW" -> new Shape(256, 784, 128, true, false);   // dY1^T X (no dX: the input needs none)
            case "lin2.fwd" -> new Shape(128, 128, 256, false, true);  // H1[128x256] W2[128x256]^T
            case "lin2.dW" -> new Shape(128, 256, 128, true, false);
            case "lin2.dX" -> new Shape(128, 256, 128, false, false);  // dY2[128x128] W2[128x256]
            case "lin3.fwd" -> new Shape(128, 10, 128, false, true);
            case "lin3.dW" -> new Shape(10, 128, 128, true, false);
            case "lin3.dX" -> new Shape(128, 128, 10, false, false);
            case "lin1.fwd1" -> new Shape(1, 256, 784, false, true);  // x[1x784] W1[256x784]^T
            case "lin2.fwd1" -> new Shape(1, 128, 256, false, true);
            default -> throw new IllegalArgumentException("unknown GEMM shape " + name + "; known: sqN, " + NAMES);
        };
    }

    /** {@code size} values uniform in [-1, 1). */
    public static float[] random(SplittableRandom random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return x;
    }
}
