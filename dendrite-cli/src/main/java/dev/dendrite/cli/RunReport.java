package dev.dendrite.cli;

import dev.dendrite.train.History;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A training run's charts (PNG and SVG in the run directory) and its {@code report.html}: data and
 * preprocessing, test metrics (overall and per class), the model summary, loss and metric per epoch, confusion matrix, sample test images (image runs),
 * ROC curve, the run's settings.
 */
final class RunReport {

    private RunReport() {
    }

    /** Draws the charts into {@code runDir} and writes the report beside them. */
    static void write(Path runDir, TrainingData data, ModelSummary model, History history, int bestEpoch,
            Evaluation evaluation, Map<String, Object> info, byte[] samples) {
        Task task = data.task();
        Report report = new Report("Dendrite run " + runDir.getFileName());
        report.paragraph("Data: " + data.file() + " (" + data.kind().description() + "); task: " + task.label() + "; "
                + history.epochs() + " epochs, best epoch " + bestEpoch
                + (history.stopReason().isEmpty() ? "" : " (" + history.stopReason() + ")") + ".");
        report.heading("Data and preprocessing").table(dataTable(data, info));
        report.heading("Test metrics (" + evaluation.rows() + " examples)").table(evaluation.metrics());
        if (evaluation.confusion() != null) {
            report.confusion(evaluation.confusion().counts(), evaluation.classNames());
            report.paragraph("Per class:").table(ClassReport.HEADER,
                    ClassReport.rows(evaluation.confusion().counts(), evaluation.classNames()));
        }
        report.heading("Model").table(ModelSummary.HEADER, model.rows()).paragraph(model.totals() + ", all trainable");
        report.heading("Training");
        byte[] loss = Plots.perEpoch(history, "loss", "Loss per epoch", bestEpoch).save(runDir, "loss");
        report.image("training and validation loss per epoch", loss, "loss.svg");
        String metric = task == Task.REGRESSION ? "mean_absolute_error" : "accuracy";
        String stem = task == Task.REGRESSION ? "mae" : "accuracy";
        byte[] perEpoch = Plots.perEpoch(history, metric, (task == Task.REGRESSION ? "Mean absolute error" : "Accuracy")
                + " per epoch", bestEpoch).save(runDir, stem);
        report.image(metric + " per epoch", perEpoch, stem + ".svg");
        if (evaluation.confusion() != null) {
            report.heading("Test set");
            byte[] confusion = Plots.confusion(evaluation.confusion().counts(), evaluation.classNames()).save(runDir, "confusion");
            report.image("confusion matrix", confusion, "confusion.svg");
        }
        if (samples != null) {
            report.paragraph("Test images as the model reads them (before scaling), true class above the prediction; "
                    + "wrong predictions in red.");
            report.image("test images with true and predicted classes", samples, null);
            write(runDir.resolve("samples.png"), samples);
        }
        if (evaluation.roc() != null) {
            byte[] roc = Plots.roc(evaluation.roc().curve(), evaluation.metrics().get("roc_auc")).save(runDir, "roc");
            report.image("ROC curve", roc, "roc.svg");
        }
        Map<String, Object> config = new LinkedHashMap<>(info);
        config.remove("features");
        report.heading("Run").table(config);
        report.section("landscape", new Report("").note("The loss landscape around the trained weights: dendrite landscape --model "
                + runDir + " --data " + data.file() + " adds it here.").fragment());
        report.write(runDir.resolve("report.html"));
    }

    private static void write(Path file, byte[] bytes) {
        try {
            java.nio.file.Files.write(file, bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> dataTable(TrainingData data, Map<String, Object> info) {
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("source", data.file() + " (" + data.kind().description() + ")");
        InputFormat input = data.input();
        if (input.isImages()) {
            rows.put("images", input.describe());
            rows.put("pixels", data.kind() == DataKind.IDX ? "8-bit values / 255, in [0, 1]"
                    : "decoded by ImageIO, resized (bilinear) to " + input.width() + "x" + input.height()
                    + (input.grayscale() ? ", luma (BT.601)" : ", RGB") + ", 8-bit values / 255, in [0, 1]");
        } else {
            rows.put("columns", input.inputs() + " features" + (input.columns().isEmpty() ? ""
                    : ": " + abbreviate(String.join(", ", input.columns()))));
            rows.put("target", info.getOrDefault("target", ""));
        }
        rows.put("scaling", "z-score per feature with the training split's mean and std (kept in the model file)");
        if (!data.classNames().isEmpty()) {
            rows.put("classes", abbreviate(String.join(", ", data.classNames())));
        }
        rows.put("split", info.get("split"));
        return rows;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }
}
