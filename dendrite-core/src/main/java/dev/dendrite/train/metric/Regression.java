package dev.dendrite.train.metric;

import dev.dendrite.tensor.Tensor;

/** The sum of a per-element error over predictions and targets of one shape, for the mean-error metrics. */
final class Regression {

    /** How far one prediction is from its target. */
    @FunctionalInterface
    interface Error {
        double of(double prediction, double target);
    }

    private Regression() {}

    /** The summed error of a batch, after checking that the shapes fit. */
    static double sum(String metric, Tensor predictions, Tensor targets, Error error) {
        Inputs.requireSameShape(metric, predictions, targets);
        float[] p = predictions.data();
        float[] t = targets.data();
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += error.of(p[i], t[i]);
        }
        return sum;
    }
}
