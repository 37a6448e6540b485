package dev.dendrite.train.metric;

import dev.dendrite.tensor.Tensor;

/**
 * The fraction of binary decisions that match their 0/1 targets. Predictions and targets have one
 * shape, so multi-label outputs {@code [b, L]} work too (each label counts once), as Keras's
 * {@code BinaryAccuracy}.
 */
public final class BinaryAccuracy implements Metric {

    private final Threshold threshold;
    private long correct;
    private long total;

    /** Binary accuracy of probabilities cut at 0.5. */
    public BinaryAccuracy() {
        this(0.5, false);
    }

    /**
     * Binary accuracy with predictions positive above {@code threshold} (a probability); when
     * {@code fromLogits} the predictions are logits and the threshold still a probability.
     */
    public BinaryAccuracy(double threshold, boolean fromLogits) {
        this.threshold = new Threshold(threshold, fromLogits);
    }

    @Override
    public String name() {
        return "binary_accuracy";
    }

    @Override
    public void reset() {
        correct = 0;
        total = 0;
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        Inputs.requireSameShape("BinaryAccuracy", predictions, targets);
        float[] scores = predictions.data();
        float[] truth = targets.data();
        long matches = 0;
        for (int i = 0; i < scores.length; i++) {
            if (threshold.positive(scores[i]) == Inputs.binaryTarget("BinaryAccuracy", truth, i)) {
                matches++;
            }
        }
        correct += matches;
        total += scores.length;
    }

    @Override
    public double result() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }
}
