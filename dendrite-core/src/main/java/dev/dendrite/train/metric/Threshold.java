package dev.dendrite.train.metric;

/** The cut that turns a binary prediction (a probability or a logit) into the class 0 or 1. */
final class Threshold {

    static final Threshold DEFAULT = new Threshold(0.5, false);

    private final double probability;
    private final boolean fromLogits;
    private final float cut;

    Threshold(double probability, boolean fromLogits) {
        if (fromLogits ? !(probability > 0 && probability < 1) : !Double.isFinite(probability)) {
            throw new IllegalArgumentException("threshold " + probability + " must be "
                    + (fromLogits ? "strictly between 0 and 1 when predictions are logits" : "a finite number"));
        }
        this.probability = probability;
        this.fromLogits = fromLogits;
        // Compared in float, as the predictions are: 0.3f must not count as above a threshold of 0.3.
        this.cut = (float) (fromLogits ? Math.log(probability / (1 - probability)) : probability);
    }

    /** Whether a prediction counts as the positive class. */
    boolean positive(float prediction) {
        return prediction > cut;
    }

    /** The threshold on the probability scale. */
    double probability() {
        return probability;
    }

    /** Whether predictions are logits rather than probabilities. */
    boolean fromLogits() {
        return fromLogits;
    }
}
