package dev.dendrite.train.metric;

import dev.dendrite.tensor.Tensor;

/**
 * A streaming evaluation metric, as in Keras: {@link #reset()} at the start of an epoch, one
 * {@link #update(Tensor, Tensor)} per batch, then {@link #result()} over everything seen since.
 *
 * <p>The result does not depend on how the examples were split into batches (up to floating-point
 * rounding). The shapes each kind of metric accepts are described in the
 * {@linkplain dev.dendrite.train.metric package overview}.
 */
public interface Metric {

    /** The key under which the trainer logs this metric, e.g. {@code "accuracy"} ({@code "val_"} is added for validation). */
    String name();

    /** Forgets every example seen so far. */
    void reset();

    /**
     * Adds one batch: {@code predictions} are the model's outputs, {@code targets} the expected values.
     * Read them during the call and do not keep them: the trainer reuses their memory for later batches.
     */
    void update(Tensor predictions, Tensor targets);

    /** The metric over every example since the last reset; {@code NaN} when none were seen. */
    double result();
}
