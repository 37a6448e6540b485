package dev.dendrite.tensor;

import dev.dendrite.kernel.Elementwise;
import dev.dendrite.kernel.MathKernels;

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
                b.accumulateGrad(Broadcast.sumTo(grad.mul(-1f).fresh(), b.shape()));
            }
        }, a, b);
    }

    static Tensor mul(Tensor a, Tensor b) {
        Tensor out = Broadcast.binary("mul", a, b, Elementwise.Op.MUL);
        return out.record("mul", grad -> {
            // d(ab)/da = b, d(ab)/db = a
            if (a.requiresGrad()) {
                a.accumulateGrad(Broadcast.sumTo(Broadcast.binary("mul", grad, b, Elementwise.Op.MUL).fresh(),
                        a.shape()));
            }
            if (b.requiresGrad()) {
                b.accumulateGrad(Broadcast.sumTo(Broadcast.binary("mul", grad, a, Elementwise.Op.MUL).fresh(),
                        b.shape()));
            }
        }, a, b);
    }

    static Tensor div(Tensor a, Tensor b) {
        Tensor out = Broadcast.binary("div", a, b, Elementwise.Op.DIV);
        return out.record("div", grad -> {
            // d(a/b)/da = 1/b, d(a/b)/db = -a/b^2 = -out/b
            if (a.requiresGrad()) {
                a.accumulateGrad(Broadcast.sumTo(Broadcast.binary("div", grad, b, Elementwise.Op.DIV).fresh(),
                        a.shape()));
            }
            if (b.requiresGrad()) {
                Tensor gradOverB = Broadcast.binary("div", grad, b, Elementwise.Op.DIV);
                Tensor gb = Broadcast.binary("mul", gradOverB, out, Elementwise.Op.MUL);
                Elementwise.scale(gb.data, -1f, gb.data.length);
                b.accumulateGrad(Broadcast.sumTo(gb.fresh(), b.shape()));
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
            a.accumulateGrad(new Tensor(a.shape(), g).fresh());
        }, a);
    }

    /** Adds {@code grad}, reduced to the operand's shape, to an operand that requires gradients. */
    private static void accumulate(Tensor operand, Tensor grad) {
        if (operand.requiresGrad()) {
            operand.accumulateGrad(Broadcast.sumTo(grad, operand.shape()));
        }
    }

    static Tensor pow(Tensor a, float exponent) {
        Tensor out = Unary.map(a, (x, y, n) -> MathKernels.pow(x, exponent, y, n));
        return out.record("pow", grad -> a.accumulateGrad(Unary.grad(a, grad,
                (x, g, dx, n) -> MathKernels.powGrad(x, exponent, g, dx, n))), a);
    }

    static Tensor pow(Tensor a, Tensor exponent) {
        Shape shape = Shape.broadcast("pow", a.shape(), exponent.shape());
        int[][] strides = {Broadcast.stridesIn(a.shape(), shape), Broadcast.stridesIn(exponent.shape(), shape)};
        float[] result = new float[shape.size()];
        Broadcast.forEachRow(shape, strides, (offsets, steps, outOffset, length) -> MathKernels.pow(
                a.data, offsets[0], steps[0], exponent.data, offsets[1], steps[1], result, outOffset, length));
        Tensor out = new Tensor(shape, result);
        return out.record("pow", grad -> {
            float[] ga = a.requiresGrad() ? new float[shape.size()] : null;
            float[] gb = exponent.requiresGrad() ? new float[shape.size()] : null;
            Broadcast.forEachRow(shape, strides, (offsets, steps, outOffset, length) -> MathKernels.powGrad(
                    a.data, offsets[0], steps[0], exponent.data, offsets[1], steps[1],
                    out.data, grad.data, ga, gb, outOffset, length));
            accumulate(a, ga, shape);
            accumulate(exponent, gb, shape);
        }, a, exponent);
    }

    static Tensor maximum(Tensor a, Tensor b) {
        return extremum("maximum", true, a, b);
    }

    static Tensor minimum(Tensor a, Tensor b) {
        return extremum("minimum", false, a, b);
    }

    private static Tensor extremum(String name, boolean max, Tensor a, Tensor b) {
        Shape shape = Shape.broadcast(name, a.shape(), b.shape());
        int[][] strides = {Broadcast.stridesIn(a.shape(), shape), Broadcast.stridesIn(b.shape(), shape)};
        float[] result = new float[shape.size()];
        Broadcast.forEachRow(shape, strides, (offsets, steps, outOffset, length) -> MathKernels.extremum(max,
                a.data, offsets[0], steps[0], b.data, offsets[1], steps[1], result, outOffset, length));
        return new Tensor(shape, result).record(name, grad -> {
            float[] ga = a.requiresGrad() ? new float[shape.size()] : null;
            float[] gb = b.requiresGrad() ? new float[shape.size()] : null;
            Broadcast.forEachRow(shape, strides, (offsets, steps, outOffset, length) -> MathKernels.extremumGrad(max,
                    a.data, offsets[0], steps[0], b.data, offsets[1], steps[1], grad.data, outOffset, ga, gb, length));
            accumulate(a, ga, shape);
            accumulate(b, gb, shape);
        }, a, b);
    }

    /** Adds an output-shaped gradient (null when the operand does not require one), reduced to the operand's shape. */
    private static void accumulate(Tensor operand, float[] grad, Shape shape) {
        if (grad != null) {
            operand.accumulateGrad(Broadcast.sumTo(new Tensor(shape, grad).fresh(), operand.shape()));
        }
    }

    static Tensor clamp(Tensor a, float min, float max) {
        if (!(min <= max)) {
            throw new IllegalArgumentException("clamp: min " + min + " must not exceed max " + max);
        }
        Tensor out = Unary.map(a, (x, y, n) -> MathKernels.clamp(x, min, max, y, n));
        return out.record("clamp", grad -> a.accumulateGrad(Unary.grad(a, grad,
                (x, g, dx, n) -> MathKernels.clampGrad(x, min, max, g, dx, n))), a);
    }
}
