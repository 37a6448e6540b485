package dev.dendrite.train.metric;

/**
 * The points of a receiver operating characteristic curve, one per distinct score from the highest
 * down, after a first point (0, 0) at threshold +infinity: at {@code thresholds[i]}, predicting
 * positive every score {@code >= thresholds[i]} gives false-positive rate {@code fpr[i]} and
 * true-positive rate {@code tpr[i]}. As scikit-learn's {@code roc_curve(..., drop_intermediate=False)}.
 *
 * @param fpr false-positive rates, ascending, from 0 to 1 ({@code NaN} if no negatives were seen)
 * @param tpr true-positive rates, ascending, from 0 to 1 ({@code NaN} if no positives were seen)
 * @param thresholds the score thresholds, descending, as probabilities
 */
public record RocCurve(double[] fpr, double[] tpr, double[] thresholds) {

    /** The number of points. */
    public int size() {
        return fpr.length;
    }
}
