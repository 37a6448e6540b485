package dev.dendrite.tensor;

import dev.dendrite.kernel.ActivationKernels;
import dev.dendrite.kernel.SoftmaxKernels;

/** Activation functions as differentiable ops, each stable for inputs of any magnitude. */
final class ActivationOps {

    private ActivationOps() {
    }

    static Tensor relu(Tensor x) {
        Tensor y = Unary.map(x, ActivationKernels::relu);
        return y.record("relu", g -> x.accumulateGrad(Unary.grad(x, g, ActivationKernels::reluGrad)), x);
    }

    static Tensor leakyRelu(Tensor x, float slope) {
        Tensor y = Unary.map(x, (in, out, n) -> ActivationKernels.leakyRelu(in, slope, out, n));
        return y.record("leakyRelu", g -> x.accumulateGrad(Unary.grad(x, g,
                (in, gd, out, n) -> ActivationKernels.leakyReluGrad(in, slope, gd, out, n))), x);
    }

    static Tensor elu(Tensor x, float alpha) {
        Tensor y = Unary.map(x, (in, out, n) -> ActivationKernels.elu(in, alpha, out, n));
        return y.record("elu", g -> x.accumulateGrad(Unary.grad(x, g,
                (in, gd, out, n) -> ActivationKernels.eluGrad(in, alpha, gd, out, n))), x);
    }

    static Tensor gelu(Tensor x) {
        Tensor y = Unary.map(x, ActivationKernels::gelu);
        return y.record("gelu", g -> x.accumulateGrad(Unary.grad(x, g, ActivationKernels::geluGrad)), x);
    }

    static Tensor silu(Tensor x) {
        Tensor y = Unary.map(x, ActivationKernels::silu);
        return y.record("silu", g -> x.accumulateGrad(Unary.grad(x, g, ActivationKernels::siluGrad)), x);
    }

    static Tensor softplus(Tensor x) {
        Tensor y = Unary.map(x, ActivationKernels::softplus);
        return y.record("softplus", g -> x.accumulateGrad(Unary.grad(x, g, ActivationKernels::softplusGrad)), x);
    }

    static Tensor sigmoid(Tensor x) {
        Tensor y = Unary.map(x, ActivationKernels::sigmoid);
        return y.record("sigmoid", g -> x.accumulateGrad(Unary.grad(y, g, ActivationKernels::sigmoidGrad)), x);
    }

    static Tensor tanh(Tensor x) {
        Tensor y = Unary.map(x, ActivationKernels::tanh);
        return y.record("tanh", g -> x.accumulateGrad(Unary.grad(y, g, ActivationKernels::tanhGrad)), x);
    }

    static Tensor softmax(Tensor x, int axis) {
        int a = Axes.resolve("softmax", x.shape(), new int[] {axis})[0];
        int outer = x.shape().sizeOf(0, a);
        int n = x.dim(a);
        int inner = x.shape().sizeOf(a + 1, x.rank());
        float[] out = new float[x.size()];
        SoftmaxKernels.softmax(x.data, out, outer, n, inner);
        Tensor y = new Tensor(x.shape(), out);
        return y.record("softmax", g -> {
            float[] dx = new float[x.size()];
            SoftmaxKernels.softmaxGrad(y.data, g.data, dx, outer, n, inner);
            x.accumulateGrad(new Tensor(x.shape(), dx).fresh());
        }, x);
    }

    static Tensor logSoftmax(Tensor x, int axis) {
        int a = Axes.resolve("logSoftmax", x.shape(), new int[] {axis})[0];
        int outer = x.shape().sizeOf(0, a);
        int n = x.dim(a);
        int inner = x.shape().sizeOf(a + 1, x.rank());
        float[] out = new float[x.size()];
        SoftmaxKernels.logSoftmax(x.data, out, outer, n, inner);
        Tensor y = new Tensor(x.shape(), out);
        return y.record("logSoftmax", g -> {
            float[] dx = new float[x.size()];
            SoftmaxKernels.logSoftmaxGrad(y.data, g.data, dx, outer, n, inner);
            x.accumulateGrad(new Tensor(x.shape(), dx).fresh());
        }, x);
    }
}
