package dev.dendrite.cli;

import dev.dendrite.data.Dataset;
import dev.dendrite.loss.Loss;
import dev.dendrite.nn.Module;
import dev.dendrite.train.Trainer;
import dev.dendrite.train.metric.Accuracy;
import dev.dendrite.train.metric.Average;
import dev.dendrite.train.metric.ConfusionMatrix;
import dev.dendrite.train.metric.F1Score;
import dev.dendrite.train.metric.Metric;
import dev.dendrite.train.metric.Metrics;
import dev.dendrite.train.metric.Precision;
import dev.dendrite.train.metric.Recall;
import dev.dendrite.train.metric.RocAuc;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A model's metrics on labelled data: loss, then accuracy, precision, recall, F1 and ROC AUC with the
 * confusion matrix for a classifier, or MSE, MAE and R² for a regression.
 *
 * @param metrics the values by name, loss first
 * @param confusion the confusion matrix of a classifier, else null
 * @param roc the ROC AUC of a binary classifier (with its curve), else null
 * @param classNames the class names, empty for a regression
 * @param rows the number of examples
 */
record Evaluation(Map<String, Double> metrics, ConfusionMatrix confusion, RocAuc roc, List<String> classNames, int rows) {

    /** Evaluates {@code model} (which outputs logits for a classifier) on {@code data}. */
    static Evaluation of(Module model, Dataset data, Task task, Loss loss, List<String> classNames) {
        List<Metric> metrics = new ArrayList<>();
        ConfusionMatrix confusion = null;
        RocAuc roc = null;
        switch (task) {
            case BINARY -> {
                metrics.addAll(Metrics.binaryClassification(true));
                roc = (RocAuc) metrics.getLast();
                confusion = new ConfusionMatrix(2, 0.5, true);
            }
            case MULTICLASS -> {
                metrics.addAll(List.of(new Accuracy(), new Precision(Average.MACRO), new Recall(Average.MACRO),
                        new F1Score(Average.MACRO)));
                confusion = new ConfusionMatrix(classNames.size());
            }
            default -> metrics.addAll(Metrics.regression());
        }
        if (confusion != null) {
            metrics.add(confusion);
        }
        Map<String, Double> values = new LinkedHashMap<>(Trainer.of(model).loss(loss).batchSize(256)
                .metrics(metrics.toArray(Metric[]::new)).evaluate(data));
        if (confusion != null) {
            values.remove(confusion.name());
        }
        return new Evaluation(values, confusion, roc, classNames, data.size());
    }

    /** Prints the metrics, one per line, and the confusion matrix with the class names. */
    void print(PrintStream out, String title) {
        out.printf(Locale.ROOT, "%s (%d examples):%n", title, rows);
        int width = metrics.keySet().stream().mapToInt(String::length).max().orElse(4);
        metrics.forEach((name, value) -> out.printf(Locale.ROOT, "  %-" + width + "s  %.4f%n", name, value));
        if (confusion != null) {
            out.println("Confusion matrix (rows: true class, columns: predicted):");
            String table = confusion.toString(classNames.toArray(String[]::new));
            table.lines().forEach(line -> out.println("  " + line));
        }
    }

    /** The metrics and the confusion matrix as plain data for JSON. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("examples", rows);
        json.putAll(metrics);
        if (confusion != null) {
            json.put("classes", classNames);
            json.put("confusion_matrix", confusion.counts());
        }
        return json;
    }
}
