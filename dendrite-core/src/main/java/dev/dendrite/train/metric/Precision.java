package dev.dendrite.train.metric;

/**
 * Precision, the fraction of predicted positives that are truly positive, tp / (tp + fp), per
 * class and averaged as scikit-learn's {@code precision_score}. A class never predicted scores 0.
 * The default is binary: the precision of the positive class 1.
 */
public final class Precision extends ClassScore {

    /** Binary precision of probabilities cut at 0.5: the score of the positive class. */
    public Precision() {
        this(Average.BINARY);
    }

    /** Precision under {@code average}; binary predictions are probabilities cut at 0.5. */
    public Precision(Average average) {
        this(average, 0.5, false);
    }

    /** Precision under {@code average}; binary predictions are positive above {@code threshold} (a probability), logits when {@code fromLogits}. */
    public Precision(Average average, double threshold, boolean fromLogits) {
        super("Precision", "precision", average, threshold, fromLogits);
    }

    @Override
    double score(long truePositives, long falsePositives, long falseNegatives) {
        return ratio(truePositives, truePositives + falsePositives);
    }
}
