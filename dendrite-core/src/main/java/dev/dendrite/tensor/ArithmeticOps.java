package dev.dendrite.tensor;

import dev.dendrite.kernel.Elementwise;

/** Broadcasting arithmetic: add, sub, mul, div, pow, maximum, minimum, clamp — forward and backward. */
final class ArithmeticOps {

    private ArithmeticOps() {
    }

    static Tensor add(Tensor a, Tensor b) {
        Tensor out = Broadcast.binary("add", a, b, Elementwise.Op.ADD);
        return out.record("add", grad -> {
            accumulate(a, grad);
            accumulate(b, grad);
        }, a, b);
    }

    static Tensor sub(Tensor a, Tensor b) {
        Tensor out = Broadcast.binary("sub", a, b, Elementwise.Op.SUB);
        return out.record("sub", grad -> {
            accumulate(a, grad);
            if (b.requiresGrad()) {
                b.accumulateGrad(Broadcast.sumTo(grad.mul(-1f), b.shape()));
            }
        }, a, b);
    }

    static Tensor mul(Tensor a, Tensor b) {
        Tensor out = Broadcast.binary("mul", a, b, Elementwise.Op.MUL);
        return out.record("mul", grad -> {
            // d(ab)/da = b, d(ab)/db = a
            if (a.requiresGrad()) {
                a.accumulateGrad(Broadcast.sumTo(Broadcast.binary("mul", grad, b, Elementwise.Op.MUL), a.shape()));
            }
            if (b.requiresGrad()) {
                b.accumulateGrad(Broadcast.sumTo(Broadcast.binary("mul", grad, a, Elementwise.Op.MUL), b.shape()));
            }
        }, a, b);
    }

    static Tensor div(Tensor a, Tensor b) {
        Tensor out = Broadcast.binary("div", a, b, Elementwise.Op.DIV);
        return out.record("div", grad -> {
            // d(a/b)/da = 1/b, d(a/b)/db = -a/b^2 = -out/b
            if (a.requiresGrad()) {
                a.accumulateGrad(Broadcast.sumTo(Broadcast.binary("div", grad, b, Elementwise.Op.DIV), a.shape()));
            }
            if (b.requiresGrad()) {
                Tensor gradOverB = Broadcast.binary("div", grad, b, Elementwise.Op.DIV);
                Tensor gb = Broadcast.binary("mul", gradOverB, out, Elementwise.Op.MUL);
                Elementwise.scale(gb.data, -1f, gb.data.length);
                b.accumulateGrad(Broadcast.sumTo(gb, b.shape()));
            }
        }, a, b);
    }

    static Tensor add(Tensor a, float value) {
        float[] result = new float[a.size()];
        Elementwise.affine(a.data, 1f, value, result, result.length);
        return new Tensor(a.shape(), result).record("add", a::accumulateGrad, a);
    }

    static Tensor mul(Tensor a, float value) {
        float[] result = new float[a.size()];
        Elementwise.affine(a.data, value, 0f, result, result.length);
        return new Tensor(a.shape(), result).record("mul", grad -> {
            float[] g = new float[grad.size()];
            Elementwise.affine(grad.data, value, 0f, g, g.length);
            a.accumulateGrad(new Tensor(a.shape(), g));
        }, a);
    }

    /** Adds {@code grad}, reduced to the operand's shape, to an operand that requires gradients. */
    private static void accumulate(Tensor operand, Tensor grad) {
        if (operand.requiresGrad()) {
            operand.accumulateGrad(Broadcast.sumTo(grad, operand.shape()));
        }
    }

    static Tensor pow(Tensor a, float exponent) {
        throw new UnsupportedOperationException("pow: not yet implemented");
    }

    static Tensor pow(Tensor a, Tensor exponent) {
        throw new UnsupportedOperationException("pow: not yet implemented");
    }

    static Tensor maximum(Tensor a, Tensor b) {
        throw new UnsupportedOperationException("maximum: not yet implemented");
    }

    static Tensor minimum(Tensor a, Tensor b) {
        throw new UnsupportedOperationException("minimum: not yet implemented");
    }

    static Tensor clamp(Tensor a, float min, float max) {
        throw new UnsupportedOperationException("clamp: not yet implemented");
    }
}
