package dev.dendrite.data;

import dev.dendrite.tensor.Tensor;

/** A mini-batch: features {@code [b, ...]} and targets {@code [b, ...]} of the same {@code b} examples. */
public record Batch(Tensor features, Tensor targets) {

    /** The number of examples in the batch. */
    public int size() {
        return features.dim(0);
    }
}
