package dev.dendrite.train.callback;

import dev.dendrite.optim.schedule.LRScheduler;
import dev.dendrite.train.Callback;
import dev.dendrite.train.TrainingContext;
import java.util.Map;

/**
 * Steps a learning-rate schedule from the fit loop: after every epoch (step, exponential, cosine, ...),
 * after every batch ({@link #perBatch()}, for warm-up and one-cycle), or with a monitored value
 * ({@link #monitoring}, for reduce-on-plateau).
 */
public final class LearningRateScheduler implements Callback {

    private final LRScheduler schedule;
    private final String monitor;
    private boolean perBatch;

    /** Steps {@code schedule} once after every epoch. */
    public LearningRateScheduler(LRScheduler schedule) {
        this(schedule, null);
    }

    private LearningRateScheduler(LRScheduler schedule, String monitor) {
        this.schedule = schedule;
        this.monitor = monitor;
    }

    /** Steps {@code schedule} after every epoch with the value of {@code monitor} (e.g. {@code "val_loss"}). */
    public static LearningRateScheduler monitoring(LRScheduler schedule, String monitor) {
        return new LearningRateScheduler(schedule, monitor);
    }

    /** Steps after every training batch instead of every epoch; returns {@code this}. */
    public LearningRateScheduler perBatch() {
        if (monitor != null) {
            throw new IllegalStateException("a schedule driven by '" + monitor + "' steps per epoch");
        }
        this.perBatch = true;
        return this;
    }

    @Override
    public Map<String, dev.dendrite.tensor.Tensor> state() {
        return schedule.stateDict();
    }

    @Override
    public void loadState(Map<String, dev.dendrite.tensor.Tensor> state) {
        schedule.loadStateDict(state);
    }

    @Override
    public void onBatchEnd(int epoch, int batch, Map<String, Double> logs, TrainingContext context) {
        if (perBatch) {
            schedule.step();
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingContext context) {
        if (perBatch) {
            return;
        }
        if (monitor == null) {
            schedule.step();
            return;
        }
        Double value = logs.get(monitor);
        if (value == null) {
            throw new IllegalStateException("LearningRateScheduler monitors '" + monitor + "', but the epoch logged only "
                    + logs.keySet());
        }
        schedule.step(value);
    }
}
