package dev.dendrite.optim.schedule;

import dev.dendrite.tensor.Tensor;
import java.util.Map;

/**
 * Changes the learning rates of an optimizer's parameter groups as training goes on, as
 * torch.optim.lr_scheduler: call {@link #step()} after {@code optimizer.step()}, once per epoch or once
 * per batch as the schedule intends (OneCycleLR and LinearWarmup are usually per batch, the others per
 * epoch). {@link ReduceLROnPlateau} needs the monitored value: {@link #step(double)}.
 */
public interface LRScheduler {

    /** Advances the schedule by one epoch (or batch) and sets the optimizer's learning rates. */
    void step();

    /**
     * Advances the schedule with the monitored value of this epoch (e.g. the validation loss); schedules
     * that do not watch a metric ignore it, so a training loop may always call this form.
     */
    default void step(double metric) {
        step();
    }

    /** The learning rate this schedule last set for the first parameter group. */
    default double lastLearningRate() {
        return lastLearningRates()[0];
    }

    /** The learning rates this schedule last set, one per parameter group. */
    double[] lastLearningRates();

    /**
     * A copy of the schedule's progress (counters, base and last learning rates) for checkpoints; the
     * optimizer's learning rates themselves are in the optimizer's state dict.
     */
    Map<String, Tensor> stateDict();

    /** Restores progress saved by {@link #stateDict()}; a missing, unexpected or malformed entry fails, naming it. */
    void loadStateDict(Map<String, Tensor> dict);
}
