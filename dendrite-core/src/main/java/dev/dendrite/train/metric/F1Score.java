package dev.dendrite.train.metric;

/**
 * The F1 score, the harmonic mean of precision and recall, 2 tp / (2 tp + fp + fn), per class and
 * averaged as scikit-learn's {@code f1_score}. A class neither predicted nor present scores 0. The
 * default is binary: the F1 score of the positive class 1.
 */
public final class F1Score extends ClassScore {

    /** Binary F1 score of probabilities cut at 0.5: the score of the positive class. */
    public F1Score() {
        this(Average.BINARY);
    }

    /** F1Score under {@code average}; binary predictions are probabilities cut at 0.5. */
    public F1Score(Average average) {
        this(average, 0.5, false);
    }

    /** F1Score under {@code average}; binary predictions are positive above {@code threshold} (a probability), logits when {@code fromLogits}. */
    public F1Score(Average average, double threshold, boolean fromLogits) {
        super("F1Score", "f1_score", average, threshold, fromLogits);
    }

    @Override
    double score(long truePositives, long falsePositives, long falseNegatives) {
        return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
    }
}
