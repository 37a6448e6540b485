package dev.dendrite.train;

import dev.dendrite.autograd.NoGrad;
import dev.dendrite.data.Batch;
import dev.dendrite.data.DataLoader;
import dev.dendrite.data.Dataset;
import dev.dendrite.data.Split;
import dev.dendrite.data.Splits;
import dev.dendrite.loss.Loss;
import dev.dendrite.nn.Module;
import dev.dendrite.optim.Optimizer;
import dev.dendrite.tensor.Tensor;
import dev.dendrite.train.metric.Metric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fit loop, as Keras's {@code fit} / {@code evaluate} / {@code predict}: mini-batch gradient
 * descent over epochs with per-epoch shuffling from the seed, training and validation loss and
 * metrics per epoch, and callbacks at each step.
 *
 * <pre>{@code
 * var history = Trainer.of(model)
 *         .loss(new CrossEntropyLoss())
 *         .optimizer(new Adam(model.parameters(), 1e-3))
 *         .batchSize(128).epochs(30).seed(42)
 *         .metrics(new Accuracy())
 *         .callbacks(new EarlyStopping("val_loss", 3).restoreBest(), new ProgressBar())
 *         .fit(train, validation);
 * }</pre>
 *
 * <p>The training loop reuses the memory of its batches ({@link DataLoader#recycle}): the model, the
 * loss and the metrics get each batch's tensors for that step only and must not keep them (copy what
 * you keep); the built-in ones never do.
 *
 * <p>A guard against divergence is on by default: when a batch's loss is NaN or infinite, training
 * stops with a message naming the epoch and batch, and the model keeps the weights of its best epoch
 * so far (by validation loss, else training loss).
 */
public final class Trainer {

    private final Module model;
    private Loss loss;
    private Optimizer optimizer;
    private int batchSize = 32;
    private int epochs = 1;
    private long seed;
    private boolean shuffle = true;
    private double validationSplit;
    private boolean nanGuard = true;
    private final List<Metric> metrics = new ArrayList<>();
    private final List<Callback> callbacks = new ArrayList<>();
    private String checkpointFile;
    private Path resumeFile;

    private Trainer(Module model) {
        this.model = model;
    }

    /** A trainer for {@code model}; set at least the loss and the optimizer before {@link #fit}. */
    public static Trainer of(Module model) {
        return new Trainer(model);
    }

    /** The loss to minimise. */
    public Trainer loss(Loss loss) {
        this.loss = loss;
        return this;
    }

    /** The optimizer that updates the model's parameters. */
    public Trainer optimizer(Optimizer optimizer) {
        this.optimizer = optimizer;
        return this;
    }

    /** Examples per mini-batch (the dataset's size for full-batch gradient descent); default 32. */
    public Trainer batchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + size);
        }
        this.batchSize = size;
        return this;
    }

    /** The number of passes over the training data; default 1. */
    public Trainer epochs(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + count);
        }
        this.epochs = count;
        return this;
    }

    /**
     * Fixes the shuffling order of every epoch, the validation split and the dropout masks; default 0.
     * (Initial weights come from {@link dev.dendrite.nn.Seeds} when the layers are built.)
     */
    public Trainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Whether to reshuffle the training data every epoch; default true. */
    public Trainer shuffle(boolean on) {
        this.shuffle = on;
        return this;
    }

    /** Holds out this fraction of the training data for validation when {@link #fit(Dataset)} gets none. */
    public Trainer validationSplit(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation split must be in [0, 1), got " + fraction);
        }
        this.validationSplit = fraction;
        return this;
    }

    /** Metrics computed on the training batches and on the validation data each epoch. */
    public Trainer metrics(Metric... metrics) {
        this.metrics.addAll(List.of(metrics));
        return this;
    }

    /** Callbacks run at the loop's hooks, in order. */
    public Trainer callbacks(Callback... callbacks) {
        this.callbacks.addAll(List.of(callbacks));
        return this;
    }

    /**
     * Writes a checkpoint (model, optimizer and callback states, epoch, history) to {@code file} after
     * every epoch, atomically; a {@code {epoch}} in the name is replaced by the epoch number.
     */
    public Trainer checkpoint(Path file) {
        this.checkpointFile = file.toString();
        return this;
    }

    /**
     * Continues the run saved in the checkpoint {@code file} instead of starting afresh: the model,
     * optimizer and callbacks (set up as for the original run) get their saved state, and training goes
     * on from the epoch after the saved one, giving the same weights as a run never interrupted.
     */
    public Trainer resume(Path file) {
        this.resumeFile = file;
        return this;
    }

    /** Turns the NaN/Inf guard off (it is on by default). */
    public Trainer nanGuard(boolean on) {
        this.nanGuard = on;
        return this;
    }

    /** Trains on {@code train}, validating on a held-out {@link #validationSplit} fraction if one was set. */
    public History fit(Dataset train) {
        if (validationSplit > 0) {
            Split split = Splits.split(train, 1 - validationSplit, seed);
            return fit(split.train(), split.validation());
        }
        return fit(train, null);
    }

    /** Trains on {@code train}, reporting loss and metrics on {@code validation} (may be null) after each epoch. */
    public History fit(Dataset train, Dataset validation) {
        if (loss == null || optimizer == null) {
            throw new IllegalStateException("set the loss and the optimizer before fit(): Trainer.of(model).loss(...).optimizer(...)");
        }
        if (train.size() == 0) {
            throw new IllegalArgumentException("fit: the training data is empty");
        }
        return new Run(train, validation).execute();
    }

    /** The loss and metrics of the model on {@code data}, in evaluation mode, without gradients. */
    public Map<String, Double> evaluate(Dataset data) {
        if (loss == null) {
            throw new IllegalStateException("set the loss before evaluate()");
        }
        boolean wasTraining = model.isTraining();
        model.eval();
        metrics.forEach(Metric::reset);
        double lossSum = 0;
        long count = 0;
        try (NoGrad noGrad = NoGrad.enter()) {
            for (Batch batch : DataLoader.of(data).batchSize(Math.max(batchSize, 256)).prefetch(1)) {
                Tensor output = model.forward(batch.features());
                lossSum += (double) loss.apply(output, batch.targets()).item() * batch.size();
                count += batch.size();
                for (Metric metric : metrics) {
                    metric.update(output, batch.targets());
                }
            }
        } finally {
            model.train(wasTraining);
        }
        Map<String, Double> results = new LinkedHashMap<>();
        results.put("loss", count == 0 ? Double.NaN : lossSum / count);
        metrics.forEach(metric -> results.put(metric.name(), metric.result()));
        return results;
    }

    /** The model's outputs for every example of {@code data}, stacked: {@code [n, ...output]}; evaluation mode, no gradients. */
    public Tensor predict(Dataset data) {
        return predict(model, data, Math.max(batchSize, 256));
    }

    /** The outputs of {@code model} for every example of {@code data} in batches of {@code batchSize}, in evaluation mode. */
    public static Tensor predict(Module model, Dataset data, int batchSize) {
        boolean wasTraining = model.isTraining();
        model.eval();
        List<Tensor> outputs = new ArrayList<>();
        try (NoGrad noGrad = NoGrad.enter()) {
            for (Batch batch : DataLoader.of(data).batchSize(batchSize).prefetch(1)) {
                outputs.add(model.forward(batch.features()));
            }
        } finally {
            model.train(wasTraining);
        }
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("predict: the data is empty");
        }
        return outputs.size() == 1 ? outputs.get(0) : Tensor.concat(0, outputs.toArray(Tensor[]::new));
    }

    /** One call of fit: the loop's state, and the context callbacks see. */
    private final class Run implements TrainingContext {

        private final Dataset validation;
        private final DataLoader loader;
        private History history = new History();
        private String stopReason;
        private WeightSnapshot best;
        private double bestScore = Double.POSITIVE_INFINITY;

        Run(Dataset train, Dataset validation) {
            this.validation = validation;
            DataLoader batches = DataLoader.of(train).batchSize(Math.min(batchSize, train.size())).prefetch(2)
                    .recycle(true);
            this.loader = shuffle ? batches.shuffle(seed) : batches;
        }

        History execute() {
            int start = 0;
            Checkpoint.Progress restored = null;
            if (resumeFile != null) {
                restored = Checkpoint.load(resumeFile, model, optimizer, callbacks.size());
                if (restored.seed() != seed) {
                    throw new IllegalStateException(resumeFile + " was written by a run with seed " + restored.seed()
                            + "; resume it with .seed(" + restored.seed() + "), not " + seed);
                }
                history = restored.history();
                start = restored.epochsDone();
                restoreGuard(restored.guard());
            }
            model.train();
            callbacks.forEach(callback -> callback.onTrainBegin(this));
            if (restored != null) {
                for (int i = 0; i < callbacks.size(); i++) {
                    if (!restored.callbackStates().get(i).isEmpty()) {
                        callbacks.get(i).loadState(restored.callbackStates().get(i));
                    }
                }
            }
            if (nanGuard && best == null) {
                best = WeightSnapshot.of(model);
            }
            try {
                for (int epoch = start; epoch < epochs && stopReason == null; epoch++) {
                    runEpoch(epoch);
                    if (checkpointFile != null) {
                        Checkpoint.save(Path.of(checkpointFile.replace("{epoch}", Integer.toString(epoch + 1))),
                                model, optimizer, callbacks, new Checkpoint.Progress(epoch + 1, seed, history,
                                        guardState(), List.of()));
                    }
                }
            } finally {
                if (stopReason != null) {
                    history.stopReason(stopReason);
                }
                callbacks.forEach(callback -> callback.onTrainEnd(this));
            }
            return history;
        }

        private Map<String, Tensor> guardState() {
            if (!nanGuard || best == null) {
                return Map.of();
            }
            Map<String, Tensor> state = new LinkedHashMap<>();
            state.put("score", dev.dendrite.optim.StateDicts.scalar(bestScore));
            best.tensors().forEach((name, tensor) -> state.put("weights." + name, tensor));
            return state;
        }

        private void restoreGuard(Map<String, Tensor> state) {
            if (!nanGuard || state.isEmpty()) {
                return;
            }
            bestScore = dev.dendrite.optim.StateDicts.readScalar(state, "score");
            Map<String, Tensor> weights = new LinkedHashMap<>();
            state.forEach((name, tensor) -> {
                if (name.startsWith("weights.")) {
                    weights.put(name.substring("weights.".length()), tensor);
                }
            });
            best = WeightSnapshot.of(weights);
        }

        private void runEpoch(int epoch) {
            long start = System.nanoTime();
            callbacks.forEach(callback -> callback.onEpochBegin(epoch, this));
            model.train();
            // Dropout masks come from (seed, epoch) alone, so a resumed run draws the same ones.
            model.reseed(Tensor.generator(seed * 0x9E3779B97F4A7C15L + epoch));
            metrics.forEach(Metric::reset);
            double lossSum = 0;
            long count = 0;
            int index = 0;
            Map<String, Double> batchLogs = new LinkedHashMap<>();
            for (Batch batch : loader.epoch(epoch)) {
                Tensor output = model.forward(batch.features());
                Tensor value = loss.apply(output, batch.targets());
                float batchLoss = value.item();
                if (nanGuard && !Float.isFinite(batchLoss)) {
                    diverged(epoch, index, batchLoss, batch);
                    return;
                }
                optimizer.zeroGrad();
                value.backward();
                optimizer.step();
                for (Metric metric : metrics) {
                    metric.update(output.detach(), batch.targets());
                }
                lossSum += (double) batchLoss * batch.size();
                count += batch.size();
                batchLogs.put("loss", lossSum / count);
                int batchIndex = index++;
                callbacks.forEach(callback -> callback.onBatchEnd(epoch, batchIndex, batchLogs, this));
                if (stopReason != null) {
                    break;
                }
            }
            Map<String, Double> logs = new LinkedHashMap<>();
            logs.put("loss", lossSum / Math.max(1, count));
            metrics.forEach(metric -> logs.put(metric.name(), metric.result()));
            if (validation != null && validation.size() > 0) {
                evaluate(validation).forEach((name, value) -> logs.put("val_" + name, value));
            }
            logs.put("lr", optimizer.learningRate());
            logs.put("time", (System.nanoTime() - start) / 1e9);
            history.add(logs);
            keepBest(logs);
            callbacks.forEach(callback -> callback.onEpochEnd(epoch, logs, this));
        }

        private void keepBest(Map<String, Double> logs) {
            if (!nanGuard) {
                return;
            }
            double score = logs.getOrDefault("val_loss", logs.get("loss"));
            if (score < bestScore) {
                bestScore = score;
                best = WeightSnapshot.of(model);
            }
        }

        private void diverged(int epoch, int batchIndex, float value, Batch batch) {
            best.restore(model);
            String kept = history.epochs() == 0 ? "the initial weights"
                    : "the weights of the best epoch so far (" + (Double.isInfinite(bestScore) ? "initial"
                            : String.format(java.util.Locale.ROOT, "loss %.6g", bestScore)) + ")";
            String badData = nonFinite(batch.features(), "features");
            if (badData == null) {
                badData = nonFinite(batch.targets(), "targets");
            }
            String advice = badData == null ? "Try a smaller learning rate, or scale the inputs."
                    : "The data itself is not finite: the batch's " + badData
                            + "; drop or impute such values (MeanImputer) before training.";
            stopTraining("training diverged: the loss became " + value + " at epoch " + (epoch + 1) + ", batch "
                    + (batchIndex + 1) + "; kept " + kept + ". " + advice);
        }

        /**
         * Where {@code t [n, ...]} first holds NaN or an infinity, e.g. "features hold NaN (example 3 of the
         * batch, value 7)"; null if it is all finite.
         */
        private static String nonFinite(Tensor t, String what) {
            float[] data = t.data();
            int perExample = t.rank() == 0 ? 1 : Math.max(1, t.shape().sizeOf(1, t.rank()));
            for (int i = 0; i < data.length; i++) {
                if (!Float.isFinite(data[i])) {
                    return what + " hold " + data[i] + " (example " + (i / perExample + 1) + " of the batch, value "
                            + (i % perExample + 1) + ")";
                }
            }
            return null;
        }

        @Override
        public Module model() {
            return model;
        }

        @Override
        public History history() {
            return history;
        }

        @Override
        public int epochs() {
            return epochs;
        }

        @Override
        public int batchesPerEpoch() {
            return loader.batchesPerEpoch();
        }

        @Override
        public int batchSize() {
            return loader.batchSize();
        }

        @Override
        public double learningRate() {
            return optimizer.learningRate();
        }

        @Override
        public void setLearningRate(double learningRate) {
            optimizer.setLearningRate(learningRate);
        }

        @Override
        public void stopTraining(String reason) {
            if (stopReason == null) {
                stopReason = reason;
            }
        }

        @Override
        public boolean stopRequested() {
            return stopReason != null;
        }
    }
}
