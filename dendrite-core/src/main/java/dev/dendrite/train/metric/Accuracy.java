package dev.dendrite.train.metric;

import dev.dendrite.tensor.Tensor;

/**
 * The fraction of examples whose predicted class is the true class. Takes multi-class predictions
 * {@code [b, C]} (argmax) and also binary ones {@code [b]} or {@code [b, 1]} (threshold), so one
 * {@code Accuracy} serves every classifier; see the package overview for the shapes.
 */
public final class Accuracy implements Metric {

    private final Threshold threshold;
    private long correct;
    private long total;

    /** Accuracy whose binary predictions are probabilities, cut at 0.5. */
    public Accuracy() {
        this.threshold = Threshold.DEFAULT;
    }

    /** Accuracy whose binary predictions are logits (cut at 0) when {@code fromLogits}, else probabilities (cut at 0.5). */
    public Accuracy(boolean fromLogits) {
        this.threshold = new Threshold(0.5, fromLogits);
    }

    @Override
    public String name() {
        return "accuracy";
    }

    @Override
    public void reset() {
        correct = 0;
        total = 0;
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        ClassLabels labels = ClassLabels.decode("Accuracy", predictions, targets, threshold);
        for (int i = 0; i < labels.predicted().length; i++) {
            if (labels.predicted()[i] == labels.actual()[i]) {
                correct++;
            }
        }
        total += labels.predicted().length;
    }

    @Override
    public double result() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }
}
