package dev.dendrite.tensor;

import dev.dendrite.autograd.GradMode;
import dev.dendrite.kernel.ActivationKernels;
import dev.dendrite.kernel.Gemm;
import dev.dendrite.kernel.Reductions;

/**
 * The fully connected layer's affine map as one op, {@code y = x W^T + b} (PyTorch's addmm), and the
 * same followed by relu: the output starts as the bias rows and the GEMM adds the product onto them,
 * then relu (if asked) runs over it in place, so one array is made where a product, a broadcast add
 * and an activation made three. Backward: {@code dZ = dY} (times {@code y > 0} after relu),
 * {@code dX = dZ W}, {@code dW = dZ^T X}, {@code db} = the column sums of {@code dZ}.
 */
final class LinearOps {

    private LinearOps() {
    }

    /**
     * {@code x [..., in]}, {@code weight [out, in]}, {@code bias [out]} or null: {@code [..., out]},
     * with relu applied when {@code relu}.
     */
    static Tensor linear(Tensor x, Tensor weight, Tensor bias, boolean relu) {
        String op = relu ? "linearRelu" : "linear";
        if (weight.rank() != 2 || x.rank() == 0 || x.dim(-1) != weight.dim(1)
                || bias != null && (bias.rank() != 1 || bias.dim(0) != weight.dim(0))) {
            throw new ShapeMismatchException(op + ": input " + x.shape() + ", weight " + weight.shape()
                    + (bias == null ? "" : ", bias " + bias.shape())
                    + "; needs input [..., in], weight [out, in] and bias [out]");
        }
        int in = weight.dim(1);
        int out = weight.dim(0);
        int rows = in == 0 ? x.shape().sizeOf(0, x.rank() - 1) : x.size() / in;
        float[] y = new float[rows * out];
        if (bias != null) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(bias.data, 0, y, r * out, out);
            }
        }
        Gemm.sgemm(false, true, rows, out, in, 1f, x.data, 0, Math.max(1, in), weight.data, 0, Math.max(1, in),
                bias == null ? 0f : 1f, y, 0, Math.max(1, out));
        if (relu) {
            ActivationKernels.relu(y, y, y.length);
        }
        Tensor result = new Tensor(x.shape().with(-1, out), y);
        if (!GradMode.isEnabled() || !x.requiresGrad() && !weight.requiresGrad()
                && (bias == null || !bias.requiresGrad())) {
            return result; // inference: no backward rule to build
        }
        Tensor[] inputs = bias == null ? new Tensor[] {x, weight} : new Tensor[] {x, weight, bias};
        return result.record(op, g -> {
            if (relu) {
                // The upstream gradient is this output's alone and dropped after this rule: mask it in place.
                ActivationKernels.reluGrad(y, g.data, g.data, y.length);
            }
            backward(g, x, weight, bias, rows, in, out);
        }, inputs);
    }

    private static void backward(Tensor g, Tensor x, Tensor weight, Tensor bias, int rows, int in, int out) {
        int ldIn = Math.max(1, in);
        int ldOut = Math.max(1, out);
        if (x.requiresGrad()) {
            float[] dx = x.takeSpareGrad();
            Gemm.sgemm(false, false, rows, in, out, 1f, g.data, 0, ldOut, weight.data, 0, ldIn, 0f, dx, 0, ldIn);
            x.accumulateGrad(new Tensor(x.shape(), dx).fresh());
        }
        if (weight.requiresGrad()) {
            float[] dw = weight.takeSpareGrad();
            Gemm.sgemm(true, false, out, in, rows, 1f, g.data, 0, ldOut, x.data, 0, ldIn, 0f, dw, 0, ldIn);
            weight.accumulateGrad(new Tensor(weight.shape(), dw).fresh());
        }
        if (bias != null && bias.requiresGrad()) {
            float[] db = bias.takeSpareGrad();
            if (rows > 0) {
                Reductions.sum(g.data, 1, rows, out, db);
            } else {
                java.util.Arrays.fill(db, 0f);
            }
            bias.accumulateGrad(new Tensor(bias.shape(), db).fresh());
        }
    }
}
