package dev.dendrite.train.callback;

import dev.dendrite.io.Model;
import dev.dendrite.train.Callback;
import dev.dendrite.train.TrainingContext;
import java.nio.file.Path;
import java.util.Map;

/**
 * Saves the model to a file after each epoch, as Keras's {@code ModelCheckpoint}: every epoch (the
 * last model), or with {@link #saveBestOnly(String)} only when a monitored quantity improved (the best
 * model). Each save is atomic, so a crash never leaves a half-written file. A {@code {epoch}} in the
 * file name is replaced by the epoch number, to keep one file per epoch.
 */
public final class ModelCheckpoint implements Callback {

    private final String file;
    private Monitor monitor;

    /** Saves the model to {@code file} after every epoch. */
    public ModelCheckpoint(Path file) {
        this.file = file.toString();
    }

    /** Saves only when {@code monitor} (e.g. {@code "val_loss"}) improved on its best so far; returns {@code this}. */
    public ModelCheckpoint saveBestOnly(String monitor) {
        this.monitor = new Monitor("ModelCheckpoint", monitor);
        return this;
    }

    /** Whether larger or smaller values of the monitored quantity are better (default: from its name); returns {@code this}. */
    public ModelCheckpoint mode(EarlyStopping.Mode mode) {
        if (monitor == null) {
            throw new IllegalStateException("ModelCheckpoint.mode needs saveBestOnly(monitor) first");
        }
        monitor.mode(mode);
        return this;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        if (monitor != null) {
            monitor.reset();
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingContext context) {
        if (monitor != null && !monitor.improves(epoch, monitor.valueIn(logs))) {
            return;
        }
        Model.of(context.model()).save(pathFor(epoch));
    }

    @Override
    public Map<String, dev.dendrite.tensor.Tensor> state() {
        return monitor == null ? Map.of() : monitor.state();
    }

    @Override
    public void loadState(Map<String, dev.dendrite.tensor.Tensor> state) {
        if (monitor != null) {
            monitor.loadState(state);
        }
    }

    /** The file the model of {@code epoch} (0-based) is written to. */
    public Path pathFor(int epoch) {
        return Path.of(file.replace("{epoch}", Integer.toString(epoch + 1)));
    }
}
