package dev.dendrite.train.metric;

import dev.dendrite.tensor.Tensor;
import java.util.Arrays;

/**
 * Counts of examples by true class (rows) and predicted class (columns), from multi-class or binary
 * predictions as described in the package overview. {@link #result()} is the fraction on the
 * diagonal (the accuracy); {@link #counts()} and {@link #toString(String...)} give the table.
 */
public final class ConfusionMatrix implements Metric {

    private final int fixedClasses;
    private final Threshold threshold;
    private long[][] counts;

    /** A matrix whose number of classes is taken from the first batch (2 for binary predictions). */
    public ConfusionMatrix() {
        this.fixedClasses = 0;
        this.threshold = Threshold.DEFAULT;
    }

    /** A matrix of {@code classes x classes}; batches with another number of classes are refused. */
    public ConfusionMatrix(int classes) {
        this(classes, 0.5, false);
    }

    /** A matrix of {@code classes x classes} whose binary predictions are cut at {@code threshold}, a probability; logits when {@code fromLogits}. */
    public ConfusionMatrix(int classes, double threshold, boolean fromLogits) {
        if (classes < 2) {
            throw new IllegalArgumentException("ConfusionMatrix needs at least 2 classes, got " + classes);
        }
        this.fixedClasses = classes;
        this.threshold = new Threshold(threshold, fromLogits);
        reset();
    }

    /** As {@link #ConfusionMatrix()}, with the threshold of binary predictions, for the metrics built on it. */
    ConfusionMatrix(Threshold threshold) {
        this.fixedClasses = 0;
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "confusion_matrix";
    }

    @Override
    public void reset() {
        counts = fixedClasses == 0 ? null : new long[fixedClasses][fixedClasses];
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        add("ConfusionMatrix", predictions, targets);
    }

    /** Counts one batch, naming {@code metric} in errors. */
    void add(String metric, Tensor predictions, Tensor targets) {
        ClassLabels labels = ClassLabels.decode(metric, predictions, targets, threshold);
        if (counts == null) {
            counts = new long[labels.classes()][labels.classes()];
        } else if (counts.length != labels.classes()) {
            throw new IllegalArgumentException(metric + ": predictions " + predictions.shape() + " have "
                    + labels.classes() + " classes, but " + counts.length
                    + (fixedClasses == 0 ? " in earlier batches" : " were configured"));
        }
        for (int i = 0; i < labels.predicted().length; i++) {
            counts[labels.actual()[i]][labels.predicted()[i]]++;
        }
    }

    /** The fraction of examples on the diagonal (the accuracy), {@code NaN} before any example. */
    @Override
    public double result() {
        long total = 0;
        long diagonal = 0;
        for (int i = 0; i < classes(); i++) {
            diagonal += counts[i][i];
            total += Arrays.stream(counts[i]).sum();
        }
        return total == 0 ? Double.NaN : (double) diagonal / total;
    }

    /** The number of classes, 0 while it is still to be taken from the first batch. */
    public int classes() {
        return counts == null ? 0 : counts.length;
    }

    /** A copy of the counts: {@code counts()[t][p]} examples of true class t were predicted as p. */
    public long[][] counts() {
        long[][] copy = new long[classes()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** The table with classes named by their index. */
    @Override
    public String toString() {
        String[] names = new String[classes()];
        Arrays.setAll(names, Integer::toString);
        return toString(names);
    }

    /** The table with one name per class, rows the true class and columns the predicted one. */
    public String toString(String... classNames) {
        if (classNames.length != classes()) {
            throw new IllegalArgumentException("ConfusionMatrix: " + classNames.length + " class names for "
                    + classes() + " classes");
        }
        String corner = "true \\ predicted";
        int rowLabel = corner.length();
        int cell = 1;
        for (int i = 0; i < classes(); i++) {
            rowLabel = Math.max(rowLabel, classNames[i].length());
            cell = Math.max(cell, classNames[i].length());
            for (long count : counts[i]) {
                cell = Math.max(cell, Long.toString(count).length());
            }
        }
        StringBuilder table = new StringBuilder(String.format("%-" + rowLabel + "s", corner));
        for (String name : classNames) {
            table.append("  ").append(String.format("%" + cell + "s", name));
        }
        for (int i = 0; i < classes(); i++) {
            table.append('\n').append(String.format("%-" + rowLabel + "s", classNames[i]));
            for (long count : counts[i]) {
                table.append("  ").append(String.format("%" + cell + "d", count));
            }
        }
        return table.toString();
    }
}
