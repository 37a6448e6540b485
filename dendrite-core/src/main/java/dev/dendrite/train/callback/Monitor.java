package dev.dendrite.train.callback;

import java.util.Locale;
import java.util.Map;

/**
 * A watched quantity of the epoch logs (e.g. {@code val_loss}) and its best value so far, for the
 * callbacks that act on improvement: early stopping and model checkpoints.
 */
final class Monitor {

    private final String name;
    private final String owner;
    private EarlyStopping.Mode mode = EarlyStopping.Mode.AUTO;
    private double minDelta;
    private double best;
    private int bestEpoch;

    Monitor(String owner, String name) {
        this.owner = owner;
        this.name = name;
        reset();
    }

    String name() {
        return name;
    }

    void mode(EarlyStopping.Mode mode) {
        this.mode = mode;
        reset();
    }

    void minDelta(double delta) {
        this.minDelta = Math.abs(delta);
    }

    void reset() {
        best = maximising() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        bestEpoch = -1;
    }

    /** The monitored value in {@code logs}, or an error naming the owner and what was logged. */
    double valueIn(Map<String, Double> logs) {
        Double value = logs.get(name);
        if (value == null) {
            throw new IllegalStateException(owner + " monitors '" + name + "', but the epoch logged only "
                    + logs.keySet() + (name.startsWith("val_") ? " (give validation data)" : ""));
        }
        return value;
    }

    /** Records {@code value} of {@code epoch}; true when it beats the best so far by more than the minimum delta. */
    boolean improves(int epoch, double value) {
        if (Double.isNaN(value)) {
            return false;
        }
        boolean better = maximising() ? value > best + minDelta : value < best - minDelta;
        if (better) {
            best = value;
            bestEpoch = epoch;
        }
        return better;
    }

    /** The best value and its epoch, for checkpoints. */
    Map<String, dev.dendrite.tensor.Tensor> state() {
        return Map.of("best", dev.dendrite.optim.StateDicts.scalar(best),
                "best_epoch", dev.dendrite.optim.StateDicts.scalar(bestEpoch));
    }

    /** Restores what {@link #state()} returned. */
    void loadState(Map<String, dev.dendrite.tensor.Tensor> state) {
        best = dev.dendrite.optim.StateDicts.readScalar(state, "best");
        bestEpoch = (int) dev.dendrite.optim.StateDicts.readLong(state, "best_epoch", -1, Integer.MAX_VALUE);
    }

    double best() {
        return best;
    }

    int bestEpoch() {
        return bestEpoch;
    }

    private boolean maximising() {
        if (mode != EarlyStopping.Mode.AUTO) {
            return mode == EarlyStopping.Mode.MAX;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String larger : new String[] {"acc", "auc", "precision", "recall", "f1", "r2"}) {
            if (lower.contains(larger)) {
                return true;
            }
        }
        return false;
    }
}
