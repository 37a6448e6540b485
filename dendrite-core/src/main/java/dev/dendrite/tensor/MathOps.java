package dev.dendrite.tensor;

/** Unary elementwise math: exp, log, sqrt, abs — forward and backward. */
final class MathOps {

    private MathOps() {
    }

    static Tensor exp(Tensor x) {
        throw new UnsupportedOperationException("exp: not yet implemented");
    }

    static Tensor log(Tensor x) {
        throw new UnsupportedOperationException("log: not yet implemented");
    }

    static Tensor sqrt(Tensor x) {
        throw new UnsupportedOperationException("sqrt: not yet implemented");
    }

    static Tensor abs(Tensor x) {
        throw new UnsupportedOperationException("abs: not yet implemented");
    }
}
