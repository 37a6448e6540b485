package dev.dendrite.train.metric;

import dev.dendrite.tensor.ShapeMismatchException;
import dev.dendrite.tensor.Tensor;
import java.util.Locale;
import java.util.Objects;

/**
 * A score computed per class from the confusion counts (true positives, false positives, false
 * negatives) and combined by an {@link Average}: what precision, recall and F1 share.
 */
abstract sealed class ClassScore implements Metric permits Precision, Recall, F1Score {

    private final String label;
    private final String key;
    private final Average average;
    private final ConfusionMatrix matrix;

    ClassScore(String label, String key, Average average, double threshold, boolean fromLogits) {
        this.label = label;
        this.key = key;
        this.average = Objects.requireNonNull(average, "average");
        this.matrix = new ConfusionMatrix(new Threshold(threshold, fromLogits));
    }

    /** The score of one class, 0 where its denominator is 0. */
    abstract double score(long truePositives, long falsePositives, long falseNegatives);

    /** The averaging this metric reports. */
    public Average average() {
        return average;
    }

    /** {@code "precision"} for the binary average, {@code "precision_macro"} and so on otherwise. */
    @Override
    public String name() {
        return average == Average.BINARY ? key : key + "_" + average.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void reset() {
        matrix.reset();
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        int[] dims = predictions.dims();
        if (average == Average.BINARY && dims.length == 2 && dims[1] > 2) {
            throw new ShapeMismatchException(label + ": predictions " + predictions.shape()
                    + " have " + dims[1] + " classes, but the BINARY average needs 2;"
                    + " choose Average.MACRO, MICRO, WEIGHTED or PER_CLASS");
        }
        matrix.add(label, predictions, targets);
    }

    /** The score of each class, in class order; empty before any example. */
    public double[] perClass() {
        long[][] counts = matrix.counts();
        double[] scores = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            scores[c] = score(counts[c][c], predicted(counts, c) - counts[c][c], support(counts, c) - counts[c][c]);
        }
        return scores;
    }

    /** The score under the chosen average; {@code NaN} before any example. Fails for {@link Average#PER_CLASS}. */
    @Override
    public double result() {
        if (average == Average.PER_CLASS) {
            throw new IllegalStateException(label + " with Average.PER_CLASS has no single result; read perClass()");
        }
        long[][] counts = matrix.counts();
        long total = 0;
        for (int c = 0; c < counts.length; c++) {
            total += support(counts, c);
        }
        if (total == 0) {
            return Double.NaN;
        }
        double[] scores = perClass();
        return switch (average) {
            case BINARY -> scores[1];
            case MICRO -> micro(counts);
            case MACRO -> macro(counts, scores);
            case WEIGHTED -> weighted(counts, scores, total);
            case PER_CLASS -> throw new AssertionError();
        };
    }

    private double micro(long[][] counts) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int c = 0; c < counts.length; c++) {
            tp += counts[c][c];
            fp += predicted(counts, c) - counts[c][c];
            fn += support(counts, c) - counts[c][c];
        }
        return score(tp, fp, fn);
    }

    /** The mean over the classes present in targets or predictions, as scikit-learn without {@code labels}. */
    private static double macro(long[][] counts, double[] scores) {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < counts.length; c++) {
            if (support(counts, c) + predicted(counts, c) > 0) {
                sum += scores[c];
                present++;
            }
        }
        return sum / present;
    }

    private static double weighted(long[][] counts, double[] scores, long total) {
        double sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += scores[c] * support(counts, c);
        }
        return sum / total;
    }

    private static long support(long[][] counts, int c) {
        long sum = 0;
        for (long count : counts[c]) {
            sum += count;
        }
        return sum;
    }

    private static long predicted(long[][] counts, int c) {
        long sum = 0;
        for (long[] row : counts) {
            sum += row[c];
        }
        return sum;
    }

    /** A ratio that counts as 0 when its denominator is 0 (scikit-learn's {@code zero_division=0}). */
    static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }
}
