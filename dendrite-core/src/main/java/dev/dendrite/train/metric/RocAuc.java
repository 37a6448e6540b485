package dev.dendrite.train.metric;

import dev.dendrite.tensor.Tensor;

/**
 * The exact area under the ROC curve of a binary classifier, as scikit-learn's
 * {@code roc_auc_score}: tied scores make one point of the curve, so a tie between a positive and a
 * negative counts one half. Keeps every score seen since the last reset; {@link #curve()} gives the
 * curve itself. The result is {@code NaN} until both classes have been seen.
 */
public final class RocAuc implements Metric {

    private final boolean fromLogits;
    private final Scores positives = new Scores();
    private final Scores negatives = new Scores();

    /** AUC of probabilities (any score that ranks the examples works the same). */
    public RocAuc() {
        this(false);
    }

    /**
     * AUC of logits when {@code fromLogits}: examples are ranked by the logits themselves, which
     * keeps apart scores that would saturate to 1 after a sigmoid; thresholds are reported as
     * probabilities.
     */
    public RocAuc(boolean fromLogits) {
        this.fromLogits = fromLogits;
    }

    @Override
    public String name() {
        return "roc_auc";
    }

    @Override
    public void reset() {
        positives.clear();
        negatives.clear();
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        Inputs.requireBinary("RocAuc", predictions, targets);
        float[] scores = predictions.data();
        float[] truth = targets.data();
        boolean[] positive = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            if (Float.isNaN(scores[i])) {
                throw new IllegalArgumentException("RocAuc: prediction at index " + i + " is NaN");
            }
            positive[i] = Inputs.binaryTarget("RocAuc", truth, i);
        }
        for (int i = 0; i < scores.length; i++) {
            (positive[i] ? positives : negatives).add(scores[i]);
        }
    }

    /** The area under the curve by the trapezoidal rule, exact on the integer counts. */
    @Override
    public double result() {
        if (positives.size() == 0 || negatives.size() == 0) {
            return Double.NaN;
        }
        Steps steps = steps();
        long twiceArea = 0;
        for (int k = 1; k < steps.size(); k++) {
            twiceArea += (steps.fp[k] - steps.fp[k - 1]) * (steps.tp[k] + steps.tp[k - 1]);
        }
        return twiceArea / (2.0 * positives.size() * negatives.size());
    }

    /** The ROC curve of everything seen since the last reset. */
    public RocCurve curve() {
        Steps steps = steps();
        int points = steps.size();
        double[] fpr = new double[points];
        double[] tpr = new double[points];
        double[] thresholds = new double[points];
        for (int k = 0; k < points; k++) {
            fpr[k] = (double) steps.fp[k] / negatives.size();
            tpr[k] = (double) steps.tp[k] / positives.size();
            float score = steps.thresholds[k];
            thresholds[k] = fromLogits ? 1 / (1 + Math.exp(-(double) score)) : score;
        }
        return new RocCurve(fpr, tpr, thresholds);
    }

    /**
     * Cumulative true and false positives when predicting positive every score {@code >=} each
     * distinct score, from the highest down, after a first step of none at +infinity.
     */
    private record Steps(long[] tp, long[] fp, float[] thresholds, int size) {}

    private Steps steps() {
        float[] pos = positives.sorted();
        float[] neg = negatives.sorted();
        int capacity = pos.length + neg.length + 1;
        long[] tp = new long[capacity];
        long[] fp = new long[capacity];
        float[] thresholds = new float[capacity];
        thresholds[0] = Float.POSITIVE_INFINITY;
        int size = 1;
        int i = pos.length - 1;
        int j = neg.length - 1;
        while (i >= 0 || j >= 0) {
            float threshold = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
            tp[size] = tp[size - 1];
            fp[size] = fp[size - 1];
            for (; i >= 0 && pos[i] == threshold; i--) {
                tp[size]++;
            }
            for (; j >= 0 && neg[j] == threshold; j--) {
                fp[size]++;
            }
            thresholds[size++] = threshold;
        }
        return new Steps(tp, fp, thresholds, size);
    }
}
