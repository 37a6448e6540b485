package dev.dendrite.train.metric;

import dev.dendrite.tensor.Tensor;

/**
 * The mean of the absolute differences between predictions and targets over every element, as
 * scikit-learn's {@code mean_absolute_error} (with several outputs its uniform average of the
 * per-output means is the same number).
 */
public final class MeanAbsoluteError implements Metric {

    private double sum;
    private long count;

    @Override
    public String name() {
        return "mean_absolute_error";
    }

    @Override
    public void reset() {
        sum = 0;
        count = 0;
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        sum += Regression.sum("MeanAbsoluteError", predictions, targets, (p, t) -> Math.abs(p - t));
        count += predictions.size();
    }

    @Override
    public double result() {
        return count == 0 ? Double.NaN : sum / count;
    }
}
