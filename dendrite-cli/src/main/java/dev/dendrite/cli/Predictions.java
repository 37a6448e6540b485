package dev.dendrite.cli;

import dev.dendrite.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A model's outputs for named examples, as CSV lines: the example's name (row number or file), its true
 * label when known, the predicted class and the probability of every class (or the value of a regression).
 *
 * @param idColumn the header of the first column: {@code row} or {@code file}
 * @param ids the name of each example
 * @param actual the true label of each example, or null when there is none
 * @param outputs the network's outputs, {@code [n]} (binary logit, regression) or {@code [n, classes]}
 */
record Predictions(String idColumn, List<String> ids, List<String> actual, Tensor outputs) {

    /** The header line and one line per example. */
    List<String> lines(LoadedModel model) {
        List<String> lines = new ArrayList<>();
        List<String> classes = model.classNames();
        StringBuilder header = new StringBuilder(idColumn);
        if (actual != null) {
            header.append(",actual");
        }
        header.append(",predicted");
        if (model.task() != Task.REGRESSION) {
            classes.forEach(c -> header.append(",p_").append(cell(c)));
        }
        lines.add(header.toString());
        float[] values = model.task() == Task.MULTICLASS ? outputs.softmax(1).toArray()
                : model.task() == Task.BINARY ? outputs.sigmoid().toArray() : outputs.toArray();
        int width = model.task() == Task.MULTICLASS ? classes.size() : 1;
        for (int i = 0; i < ids.size(); i++) {
            StringBuilder line = new StringBuilder(cell(ids.get(i)));
            if (actual != null) {
                line.append(',').append(cell(actual.get(i)));
            }
            switch (model.task()) {
                case BINARY -> {
                    float p = values[i];
                    line.append(',').append(cell(classes.get(p > 0.5f ? 1 : 0)))
                            .append(String.format(Locale.ROOT, ",%.6f,%.6f", 1 - p, p));
                }
                case MULTICLASS -> {
                    int best = 0;
                    for (int c = 1; c < width; c++) {
                        if (values[i * width + c] > values[i * width + best]) {
                            best = c;
                        }
                    }
                    line.append(',').append(cell(classes.get(best)));
                    for (int c = 0; c < width; c++) {
                        line.append(String.format(Locale.ROOT, ",%.6f", values[i * width + c]));
                    }
                }
                default -> line.append(String.format(Locale.ROOT, ",%.6g", values[i]));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** The predicted class index of each example from the network's outputs (a logit per example, or per class). */
    static int[] classes(Task task, Tensor outputs) {
        int n = outputs.dim(0);
        int[] classes = new int[n];
        float[] values = outputs.data();
        int width = task == Task.MULTICLASS ? outputs.size() / Math.max(1, n) : 1;
        for (int i = 0; i < n; i++) {
            if (task == Task.BINARY) {
                classes[i] = values[i] > 0 ? 1 : 0;
            } else {
                int best = 0;
                for (int c = 1; c < width; c++) {
                    if (values[i * width + c] > values[i * width + best]) {
                        best = c;
                    }
                }
                classes[i] = best;
            }
        }
        return classes;
    }

    /** A CSV cell, quoted when it holds a comma, quote or line break. */
    static String cell(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
