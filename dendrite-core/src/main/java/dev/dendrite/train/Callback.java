package dev.dendrite.train;

import dev.dendrite.tensor.Tensor;
import java.util.Map;

/**
 * A hook into the fit loop, as Keras's callbacks: each method is called at its point of the loop with
 * the logs gathered so far ({@code loss}, metric names, {@code val_} names, {@code lr}). All methods
 * do nothing by default; epochs and batches count from 0.
 */
public interface Callback {

    /** Before the first epoch. */
    default void onTrainBegin(TrainingContext context) {
    }

    /** Before each epoch. */
    default void onEpochBegin(int epoch, TrainingContext context) {
    }

    /** After each training batch, with that batch's {@code loss} and the running means so far this epoch. */
    default void onBatchEnd(int epoch, int batch, Map<String, Double> logs, TrainingContext context) {
    }

    /** After each epoch, with the epoch's training and validation logs. */
    default void onEpochEnd(int epoch, Map<String, Double> logs, TrainingContext context) {
    }

    /** After the last epoch, or when training stopped early. */
    default void onTrainEnd(TrainingContext context) {
    }

    /**
     * What this callback has learnt so far (a best value, a patience count, a schedule's position), by
     * name, for checkpoints; empty for stateless callbacks.
     */
    default Map<String, Tensor> state() {
        return Map.of();
    }

    /** Restores what {@link #state()} returned, when training resumes from a checkpoint (after {@link #onTrainBegin}). */
    default void loadState(Map<String, Tensor> state) {
    }
}
