package dev.dendrite.train;

import dev.dendrite.nn.Module;

/** What a {@link Callback} may see and steer of the training run it is attached to. */
public interface TrainingContext {

    /** The model being trained. */
    Module model();

    /** The epochs finished so far. */
    History history();

    /** The number of epochs asked for. */
    int epochs();

    /** The number of batches in one training epoch. */
    int batchesPerEpoch();

    /** The number of examples in a full training batch. */
    int batchSize();

    /** The optimizer's current learning rate. */
    double learningRate();

    /** Sets the optimizer's learning rate (all parameter groups). */
    void setLearningRate(double learningRate);

    /** Asks the loop to stop after the current batch; {@code reason} ends up in {@link History#stopReason()}. */
    void stopTraining(String reason);

    /** Whether a stop was asked for. */
    boolean stopRequested();
}
