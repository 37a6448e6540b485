package dev.dendrite.examples;

import dev.dendrite.data.Csv;
import dev.dendrite.data.Dataset;
import dev.dendrite.data.Split;
import dev.dendrite.data.Splits;
import dev.dendrite.data.StandardScaler;
import dev.dendrite.loss.BCEWithLogitsLoss;
import dev.dendrite.nn.Dropout;
import dev.dendrite.nn.Flatten;
import dev.dendrite.nn.Linear;
import dev.dendrite.nn.ReLU;
import dev.dendrite.nn.Seeds;
import dev.dendrite.nn.Sequential;
import dev.dendrite.optim.Adam;
import dev.dendrite.train.History;
import dev.dendrite.train.Trainer;
import dev.dendrite.train.callback.EarlyStopping;
import dev.dendrite.train.callback.ProgressBar;
import dev.dendrite.train.metric.BinaryAccuracy;
import java.nio.file.Path;
import java.util.Map;

/**
 * The lecture's task: telling sick from healthy. An MLP reads the 30 measurements of cell nuclei in
 * the Wisconsin diagnostic breast-cancer data and says malignant or benign; 20% of the patients
 * (stratified) are kept aside for the test, and early stopping on held-out loss decides when to stop.
 */
public final class DiagnosisExample {

    private DiagnosisExample() {
    }

    /** The outcome: the training history and the test loss and accuracy. */
    public record Result(History history, Map<String, Double> test) {
    }

    /** Trains on {@code csv} (the breast-cancer file) with {@code seed}; prints progress when {@code verbose}. */
    public static Result run(Path csv, long seed, boolean verbose) {
        Seeds.manualSeed(seed);
        Dataset data = Csv.read(csv).target("diagnosis").load();
        Split split = Splits.stratified(data, 0.64, 0.16, 0.2, seed);
        StandardScaler scaler = StandardScaler.fit(split.train());

        var model = new Sequential(
                new Linear(30, 32), new ReLU(), new Dropout(0.2),
                new Linear(32, 16), new ReLU(),
                new Linear(16, 1), new Flatten(0));
        var early = new EarlyStopping("val_loss", 10).restoreBest();
        var trainer = Trainer.of(model)
                .loss(new BCEWithLogitsLoss())
                .optimizer(new Adam(model.parameters(), 1e-3))
                .metrics(new BinaryAccuracy(0.5, true))
                .batchSize(16).epochs(200).seed(seed);
        trainer.callbacks(verbose ? new dev.dendrite.train.Callback[] {early, new ProgressBar()}
                : new dev.dendrite.train.Callback[] {early});
        History history = trainer.fit(scaler.transform(split.train()), scaler.transform(split.validation()));
        return new Result(history, trainer.evaluate(scaler.transform(split.test())));
    }

    /** Trains and prints the test accuracy; the CSV path may be given, else the bundled file. */
    public static void main(String[] args) {
        Path csv = Path.of(args.length > 0 ? args[0] : "data/breast_cancer.csv");
        if (args.length == 0 && !java.nio.file.Files.exists(csv)) {
            csv = Path.of("examples").resolve(csv);
        }
        Result result = run(csv, 42, true);
        System.out.printf("test loss %.4f, test accuracy %.2f%%%n", result.test().get("loss"),
                100 * result.test().get("binary_accuracy"));
    }
}
