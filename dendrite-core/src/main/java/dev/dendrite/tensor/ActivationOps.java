package dev.dendrite.tensor;

/** Activation functions as differentiable ops, each stable for inputs of any magnitude. */
final class ActivationOps {

    private ActivationOps() {
    }

    static Tensor relu(Tensor x) {
        throw new UnsupportedOperationException("relu: not yet implemented");
    }

    static Tensor leakyRelu(Tensor x, float slope) {
        throw new UnsupportedOperationException("leakyRelu: not yet implemented");
    }

    static Tensor elu(Tensor x, float alpha) {
        throw new UnsupportedOperationException("elu: not yet implemented");
    }

    static Tensor gelu(Tensor x) {
        throw new UnsupportedOperationException("gelu: not yet implemented");
    }

    static Tensor silu(Tensor x) {
        throw new UnsupportedOperationException("silu: not yet implemented");
    }

    static Tensor softplus(Tensor x) {
        throw new UnsupportedOperationException("softplus: not yet implemented");
    }

    static Tensor sigmoid(Tensor x) {
        throw new UnsupportedOperationException("sigmoid: not yet implemented");
    }

    static Tensor tanh(Tensor x) {
        throw new UnsupportedOperationException("tanh: not yet implemented");
    }

    static Tensor softmax(Tensor x, int axis) {
        throw new UnsupportedOperationException("softmax: not yet implemented");
    }

    static Tensor logSoftmax(Tensor x, int axis) {
        throw new UnsupportedOperationException("logSoftmax: not yet implemented");
    }
}
