package dev.dendrite.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Precision, recall, F1 and support of every class from a confusion matrix, with their macro and
 * support-weighted averages, as scikit-learn's {@code classification_report} lays them out. A class
 * never predicted has precision 0 (and one never present recall 0), as scikit-learn reports them.
 */
final class ClassReport {

    /** The header of the columns. */
    static final String[] HEADER = {"class", "precision", "recall", "f1-score", "support"};

    private ClassReport() {
    }

    /**
     * One row per class, then "macro avg" and "weighted avg".
     *
     * @param counts     counts[true][predicted]
     * @param classNames the name of each class, in index order
     */
    static List<String[]> rows(long[][] counts, List<String> classNames) {
        int k = counts.length;
        List<String[]> rows = new ArrayList<>();
        double[] sums = new double[3];
        double[] weighted = new double[3];
        long total = 0;
        for (int c = 0; c < k; c++) {
            long truePositives = counts[c][c];
            long actual = 0;
            long predicted = 0;
            for (int o = 0; o < k; o++) {
                actual += counts[c][o];
                predicted += counts[o][c];
            }
            double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
            double recall = actual == 0 ? 0 : (double) truePositives / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            double[] values = {precision, recall, f1};
            for (int i = 0; i < 3; i++) {
                sums[i] += values[i];
                weighted[i] += values[i] * actual;
            }
            total += actual;
            rows.add(row(classNames.get(c), values, actual));
        }
        for (int i = 0; i < 3; i++) {
            sums[i] /= k;
            weighted[i] = total == 0 ? 0 : weighted[i] / total;
        }
        rows.add(row("macro avg", sums, total));
        rows.add(row("weighted avg", weighted, total));
        return rows;
    }

    private static String[] row(String name, double[] values, long support) {
        return new String[] {name, format(values[0]), format(values[1]), format(values[2]), Long.toString(support)};
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
