package dev.dendrite.train.metric;

import java.util.List;

/** Common sets of fresh metrics by task, for a trainer's {@code metrics(...)}. */
public final class Metrics {

    private Metrics() {}

    /** Accuracy, precision, recall, F1 and ROC AUC of a binary classifier with one output. */
    public static List<Metric> binaryClassification(boolean fromLogits) {
        return List.of(new Accuracy(fromLogits), new Precision(Average.BINARY, 0.5, fromLogits),
                new Recall(Average.BINARY, 0.5, fromLogits), new F1Score(Average.BINARY, 0.5, fromLogits),
                new RocAuc(fromLogits));
    }

    /** Accuracy and macro-averaged F1 of a classifier over several classes. */
    public static List<Metric> multiClassClassification() {
        return List.of(new Accuracy(), new F1Score(Average.MACRO));
    }

    /** Mean squared error, mean absolute error and R² of a regression. */
    public static List<Metric> regression() {
        return List.of(new MeanSquaredError(), new MeanAbsoluteError(), new R2Score());
    }
}
