package dev.dendrite.tensor;

import static org.assertj.core.api.Assertions.fail;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** Test helpers: double-precision references for elementwise ops, broadcasting lookups, and closeness checks. */
final class Reference {

    private Reference() {
    }

    /** Fails unless every {@code actual[i]} is within {@code atol + rtol * |f(input[i])|} of {@code f(input[i])}, computed in double. */
    static void assertUnary(String op, Tensor input, Tensor actual, DoubleUnaryOperator f, double rtol, double atol) {
        if (!actual.shape().equals(input.shape())) {
            fail(op + ": shape " + actual.shape() + ", expected " + input.shape());
        }
        for (int i = 0; i < input.size(); i++) {
            assertClose(op + "(" + input.data()[i] + ")", actual.data()[i], f.applyAsDouble(input.data()[i]), rtol, atol);
        }
    }

    /** Fails unless {@code out} is {@code f(a, b)} under broadcasting, within the tolerances. */
    static void assertBinary(String op, Tensor a, Tensor b, Tensor out, DoubleBinaryOperator f, double rtol, double atol) {
        Shape shape = Shape.broadcast(op, a.shape(), b.shape());
        if (!out.shape().equals(shape)) {
            fail(op + ": shape " + out.shape() + ", expected " + shape);
        }
        for (int flat = 0; flat < shape.size(); flat++) {
            float x = a.data()[sourceIndex(flat, shape, a.shape())];
            float y = b.data()[sourceIndex(flat, shape, b.shape())];
            assertClose(op + "(" + x + ", " + y + ")", out.data()[flat], f.applyAsDouble(x, y), rtol, atol);
        }
    }

    /** The flat index in an operand of shape {@code operand} that output element {@code flat} of {@code out} reads. */
    static int sourceIndex(int flat, Shape out, Shape operand) {
        int[] strides = out.strides();
        int[] operandStrides = Broadcast.stridesIn(operand, out);
        int index = 0;
        for (int axis = 0; axis < out.rank(); axis++) {
            index += flat / strides[axis] % out.dim(axis) * operandStrides[axis];
        }
        return index;
    }

    /** Fails unless {@code actual} is within {@code atol + rtol * |expected|} of {@code expected} (equal infinities pass). */
    static void assertClose(String what, float actual, double expected, double rtol, double atol) {
        if (actual == expected) {
            return;
        }
        if (!(Math.abs(actual - expected) <= atol + rtol * Math.abs(expected))) {
            fail(what + " = " + actual + ", expected " + expected);
        }
    }

    /** {@code values} with every element within {@code gap} of {@code kink} pushed out to {@code kink +- gap}, keeping its side. */
    static Tensor awayFrom(Tensor values, float kink, float gap) {
        float[] data = values.data();
        for (int i = 0; i < data.length; i++) {
            if (Math.abs(data[i] - kink) < gap) {
                data[i] = data[i] >= kink ? kink + gap : kink - gap;
            }
        }
        return values;
    }

    /** The standard normal CDF in double, accurate to about 1e-13 relative in both tails. */
    static double normalCdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double halfErfc = 0.5 * erfc(z);
        return x < 0 ? halfErfc : 1 - halfErfc;
    }

    /** erfc(z) for z >= 0: 1 - the all-positive Taylor series of erf below 2.5, a continued fraction above. */
    static double erfc(double z) {
        if (z < 2.5) {
            // erf(z) = 2/sqrt(pi) e^(-z^2) sum_n 2^n z^(2n+1) / (1*3*...*(2n+1))
            double term = z;
            double sum = z;
            for (int n = 1; n < 200 && term > 1e-18 * sum; n++) {
                term *= 2 * z * z / (2 * n + 1);
                sum += term;
            }
            return 1 - 2 / Math.sqrt(Math.PI) * Math.exp(-z * z) * sum;
        }
        // erfc(z) = e^(-z^2)/sqrt(pi) / (z + (1/2)/(z + 1/(z + (3/2)/(z + ...))))
        double fraction = z;
        for (int k = 300; k >= 1; k--) {
            fraction = z + (k / 2.0) / fraction;
        }
        return Math.exp(-z * z) / Math.sqrt(Math.PI) / fraction;
    }
}
