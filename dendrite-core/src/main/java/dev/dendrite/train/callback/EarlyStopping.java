package dev.dendrite.train.callback;

import dev.dendrite.train.Callback;
import dev.dendrite.train.TrainingContext;
import dev.dendrite.train.WeightSnapshot;
import dev.dendrite.optim.StateDicts;
import dev.dendrite.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stops training when a monitored quantity (by default {@code val_loss}) has not improved for
 * {@code patience} epochs, as Keras's {@code EarlyStopping}: the lecture's regularisation by stopping
 * where held-out loss starts to rise. With {@link #restoreBest()} the model ends with the weights of
 * its best epoch.
 */
public final class EarlyStopping implements Callback {

    /** Whether smaller or larger values of the monitored quantity are better. */
    public enum Mode {
        /** Smaller is better (losses). */
        MIN,
        /** Larger is better (accuracy, AUC). */
        MAX,
        /** MAX for names containing accuracy, auc, precision, recall, f1 or r2; MIN otherwise. */
        AUTO
    }

    private final Monitor monitor;
    private final int patience;
    private boolean restoreBest;

    private int wait;
    private int stoppedEpoch;
    private WeightSnapshot bestWeights;

    /** Monitors {@code monitor} (e.g. {@code "val_loss"}) and stops after {@code patience} epochs without improvement. */
    public EarlyStopping(String monitor, int patience) {
        if (patience < 0) {
            throw new IllegalArgumentException("EarlyStopping patience must be >= 0, got " + patience);
        }
        this.monitor = new Monitor("EarlyStopping", monitor);
        this.patience = patience;
    }

    /** An improvement must exceed {@code delta} to count; returns {@code this}. */
    public EarlyStopping minDelta(double delta) {
        monitor.minDelta(delta);
        return this;
    }

    /** Sets whether smaller or larger is better; returns {@code this}. */
    public EarlyStopping mode(Mode mode) {
        monitor.mode(mode);
        return this;
    }

    /** At the end of training, puts back the weights of the best epoch; returns {@code this}. */
    public EarlyStopping restoreBest() {
        this.restoreBest = true;
        return this;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        monitor.reset();
        wait = 0;
        stoppedEpoch = -1;
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingContext context) {
        if (monitor.improves(epoch, monitor.valueIn(logs))) {
            wait = 0;
            if (restoreBest) {
                bestWeights = WeightSnapshot.of(context.model());
            }
            return;
        }
        wait++;
        if (wait >= patience) {
            stoppedEpoch = epoch;
            context.stopTraining(String.format(java.util.Locale.ROOT,
                    "early stopping after epoch %d: %s has not improved for %d epochs (best %.6g at epoch %d)",
                    epoch + 1, monitor.name(), wait, monitor.best(), monitor.bestEpoch() + 1));
        }
    }

    @Override
    public void onTrainEnd(TrainingContext context) {
        if (restoreBest && bestWeights != null) {
            bestWeights.restore(context.model());
        }
    }

    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> state = new LinkedHashMap<>(monitor.state());
        state.put("wait", StateDicts.scalar(wait));
        if (bestWeights != null) {
            bestWeights.tensors().forEach((name, tensor) -> state.put("best_weights." + name, tensor));
        }
        return state;
    }

    @Override
    public void loadState(Map<String, Tensor> state) {
        monitor.loadState(state);
        wait = (int) StateDicts.readLong(state, "wait", 0, Integer.MAX_VALUE);
        Map<String, Tensor> weights = new LinkedHashMap<>();
        state.forEach((name, tensor) -> {
            if (name.startsWith("best_weights.")) {
                weights.put(name.substring("best_weights.".length()), tensor);
            }
        });
        bestWeights = weights.isEmpty() ? null : WeightSnapshot.of(weights);
    }

    /** The epoch (0-based) with the best monitored value, or -1 before any. */
    public int bestEpoch() {
        return monitor.bestEpoch();
    }

    /** The best monitored value seen. */
    public double best() {
        return monitor.best();
    }

    /** The epoch (0-based) at which training was stopped, or -1 if it ran to the end. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }
}
