package dev.dendrite.tensor;

import dev.dendrite.kernel.Elementwise;

/** Unrecorded in-place updates for optimizers: axpy, scale, copy. */
final class InPlaceOps {

    private InPlaceOps() {
    }

    static void axpy(Tensor target, Tensor x, float alpha) {
        requireSameShape("addInPlace", target, x);
        Elementwise.axpy(target.data, x.data, alpha, target.data.length);
    }

    static void scale(Tensor target, float factor) {
        Elementwise.scale(target.data, factor, target.data.length);
    }

    static void copy(Tensor target, Tensor source) {
        requireSameShape("copyFrom", target, source);
        System.arraycopy(source.data, 0, target.data, 0, target.data.length);
    }

    private static void requireSameShape(String op, Tensor a, Tensor b) {
        if (!a.shape().equals(b.shape())) {
            throw new ShapeMismatchException(op + ": " + a.shape() + " and " + b.shape());
        }
    }
}
