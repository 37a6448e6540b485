package dev.dendrite.autograd;

import dev.dendrite.tensor.Tensor;

/**
 * The backward rule of one op application: given the gradient of the loss with respect to the
 * op's output, it adds the gradients with respect to the op's inputs to those inputs (through
 * {@link Tensor#accumulateGrad}). It runs with gradient recording off.
 *
 * <p>The upstream gradient is complete when the rule runs and belongs to the op's output alone, which
 * drops it afterwards: a rule may overwrite it as scratch space, but must not keep it.
 */
@FunctionalInterface
public interface Backward {

    /** Pushes {@code gradOutput} (shaped like the op's output) back to the op's inputs. */
    void apply(Tensor gradOutput);
}
