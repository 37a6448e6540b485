package dev.dendrite.nn;

import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.Tensor;

/**
 * A trainable tensor of a module: a weight or a bias. It always requires gradients; optimizers read
 * its {@link #grad()} and update its {@link #value()} in place.
 */
public final class Parameter {

    private final Tensor value;

    /** Wraps {@code value} (which is marked as requiring gradients) as a parameter. */
    public Parameter(Tensor value) {
        if (!value.isLeaf()) {
            throw new IllegalArgumentException("a parameter must be a leaf tensor, not the result of '"
                    + value.gradFn().op() + "'");
        }
        this.value = value.requiresGrad(true);
    }

    /** The current values; use it in forward passes. */
    public Tensor value() {
        return value;
    }

    /** The gradient accumulated by backward, or null before the first backward (or after zeroGrad). */
    public Tensor grad() {
        return value.grad();
    }

    /** Forgets the accumulated gradient. */
    public void zeroGrad() {
        value.zeroGrad();
    }

    /** The shape of the values. */
    public Shape shape() {
        return value.shape();
    }

    /** The number of values. */
    public int size() {
        return value.size();
    }

    /** The shape, e.g. {@code Parameter[256, 784]}. */
    @Override
    public String toString() {
        return "Parameter" + value.shape();
    }
}
