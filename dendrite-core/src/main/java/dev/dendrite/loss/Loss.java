package dev.dendrite.loss;

import dev.dendrite.tensor.Tensor;

/**
 * An empirical loss: how far a batch of predictions is from its targets, as a differentiable tensor
 * (a scalar under the {@link Reduction#MEAN mean} or {@link Reduction#SUM sum} reduction).
 *
 * <p>Use it as in PyTorch: {@code var loss = lossFn.apply(model.forward(x), y); loss.backward();}
 */
@FunctionalInterface
public interface Loss {

    /** The loss of {@code prediction} against {@code target}; shapes as each loss documents. */
    Tensor apply(Tensor prediction, Tensor target);
}
