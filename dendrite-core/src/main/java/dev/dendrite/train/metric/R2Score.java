package dev.dendrite.train.metric;

import dev.dendrite.tensor.ShapeMismatchException;
import dev.dendrite.tensor.Tensor;

/**
 * The coefficient of determination R² = 1 - SS_res / SS_tot, as scikit-learn's {@code r2_score} on
 * all the examples at once: the targets' mean and spread are merged batch by batch (Chan et al.'s
 * parallel variance), so batching does not change the result. Predictions and targets {@code [b]}
 * or {@code [b, k]}: with k outputs, the uniform average of the per-output scores.
 *
 * <p>As scikit-learn, an output whose targets are all equal scores 1 if predicted exactly, else 0;
 * the result is {@code NaN} with fewer than two examples.
 */
public final class R2Score implements Metric {

    private long count;
    private double[] mean;
    private double[] sumSquaredDeviation;
    private double[] sumSquaredResidual;

    @Override
    public String name() {
        return "r2_score";
    }

    @Override
    public void reset() {
        count = 0;
        mean = null;
        sumSquaredDeviation = null;
        sumSquaredResidual = null;
    }

    @Override
    public void update(Tensor predictions, Tensor targets) {
        Inputs.requireSameShape("R2Score", predictions, targets);
        int batch = targets.dim(0);
        if (batch == 0) {
            return;
        }
        int outputs = targets.size() / batch;
        if (mean == null) {
            mean = new double[outputs];
            sumSquaredDeviation = new double[outputs];
            sumSquaredResidual = new double[outputs];
        } else if (outputs != mean.length) {
            throw new ShapeMismatchException("R2Score: targets " + targets.shape() + " have " + outputs
                    + " outputs per example, earlier batches had " + mean.length);
        }
        float[] p = predictions.data();
        float[] t = targets.data();
        for (int k = 0; k < outputs; k++) {
            merge(k, batch, p, t, outputs);
        }
        count += batch;
    }

    /** Folds output {@code k} of a batch into the running mean and sums of squares. */
    private void merge(int k, int batch, float[] p, float[] t, int stride) {
        double batchMean = 0;
        for (int i = 0; i < batch; i++) {
            batchMean += t[i * stride + k];
        }
        batchMean /= batch;
        double batchDeviation = 0;
        double residual = 0;
        for (int i = 0; i < batch; i++) {
            double target = t[i * stride + k];
            batchDeviation += (target - batchMean) * (target - batchMean);
            residual += (target - p[i * stride + k]) * (target - p[i * stride + k]);
        }
        double delta = batchMean - mean[k];
        double total = count + batch;
        mean[k] += delta * batch / total;
        sumSquaredDeviation[k] += batchDeviation + delta * delta * count * batch / total;
        sumSquaredResidual[k] += residual;
    }

    @Override
    public double result() {
        if (count < 2) {
            return Double.NaN;
        }
        double sum = 0;
        for (int k = 0; k < mean.length; k++) {
            if (sumSquaredDeviation[k] == 0) {
                sum += sumSquaredResidual[k] == 0 ? 1 : 0;
            } else {
                sum += 1 - sumSquaredResidual[k] / sumSquaredDeviation[k];
            }
        }
        return sum / mean.length;
    }
}
