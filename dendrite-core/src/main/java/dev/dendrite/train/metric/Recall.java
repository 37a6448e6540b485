package dev.dendrite.train.metric;

/**
 * Recall, the fraction of true examples of a class that are found, tp / (tp + fn), per class and
 * averaged as scikit-learn's {@code recall_score}. A class that never occurs scores 0. The default
 * is binary: the recall of the positive class 1.
 */
public final class Recall extends ClassScore {

    /** Binary recall of probabilities cut at 0.5: the score of the positive class. */
    public Recall() {
        this(Average.BINARY);
    }

    /** Recall under {@code average}; binary predictions are probabilities cut at 0.5. */
    public Recall(Average average) {
        this(average, 0.5, false);
    }

    /** Recall under {@code average}; binary predictions are positive above {@code threshold} (a probability), logits when {@code fromLogits}. */
    public Recall(Average average, double threshold, boolean fromLogits) {
        super("Recall", "recall", average, threshold, fromLogits);
    }

    @Override
    double score(long truePositives, long falsePositives, long falseNegatives) {
        return ratio(truePositives, truePositives + falseNegatives);
    }
}
