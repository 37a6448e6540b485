package dev.dendrite.train.metric;

import dev.dendrite.tensor.Tensor;

/**
 * The mean of the squared differences between predictions and targets over every element, as
 * scikit-learn's {@code mean_squared_error} (with several outputs its uniform average of the
 * per-output means is the same number).
 */
public final class MeanSquaredError implements Metric {

    private double sum;
    private long count;

    @Override
    public String name() {
        return "mean_squared_error";
    }

    @Override
    public void reset() {
        sum = 0;
        count = 0;
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        sum += Regression.sum("MeanSquaredError", predictions, targets, (p, t) -> (p - t) * (p - t));
        count += predictions.size();
    }

    @Override
    public double result() {
        return count == 0 ? Double.NaN : sum / count;
    }
}
