package dev.dendrite.tensor;

import dev.dendrite.kernel.Elementwise;
import dev.dendrite.kernel.MathKernels;

/** Unary elementwise math: exp, log, sqrt, abs — forward and backward. */
final class MathOps {

    private MathOps() {
    }

    static Tensor exp(Tensor x) {
        Tensor y = Unary.map(x, MathKernels::exp);
        return y.record("exp", g -> x.accumulateGrad(Broadcast.binary("exp", g, y, Elementwise.Op.MUL).fresh()), x);
    }

    static Tensor log(Tensor x) {
        Tensor y = Unary.map(x, MathKernels::log);
        return y.record("log", g -> x.accumulateGrad(Broadcast.binary("log", g, x, Elementwise.Op.DIV).fresh()), x);
    }

    static Tensor sqrt(Tensor x) {
        Tensor y = Unary.map(x, MathKernels::sqrt);
        return y.record("sqrt", g -> x.accumulateGrad(Unary.grad(y, g, MathKernels::sqrtGrad)), x);
    }

    static Tensor abs(Tensor x) {
        Tensor y = Unary.map(x, MathKernels::abs);
        return y.record("abs", g -> x.accumulateGrad(Unary.grad(x, g, MathKernels::absGrad)), x);
    }
}
