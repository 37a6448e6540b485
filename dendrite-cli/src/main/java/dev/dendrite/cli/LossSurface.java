package dev.dendrite.cli;

import dev.dendrite.autograd.NoGrad;
import dev.dendrite.data.Batch;
import dev.dendrite.loss.Loss;
import dev.dendrite.nn.Module;
import dev.dendrite.nn.Parameter;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The loss of a model at {@code θ + α·δ + β·η} over a square grid of α and β, where θ are its trained weights
 * and δ, η two directions (see {@link Directions}): evaluated without gradients, in evaluation mode, on
 * fixed batches. The weights are put back as they were afterwards, also on failure.
 *
 * @param coordinates the values of α (and of β), ascending
 * @param loss {@code loss[i][j]} at α = coordinates[i], β = coordinates[j]
 */
record LossSurface(double[] coordinates, double[][] loss) {

    /** The grid of {@code steps} points from {@code -range} to {@code range}; an odd count has 0 in its middle. */
    static double[] grid(int steps, double range) {
        double[] coordinates = new double[steps];
        for (int i = 0; i < steps; i++) {
            coordinates[i] = i == (steps - 1) / 2.0 ? 0 : -range + 2 * range * i / (steps - 1);
        }
        return coordinates;
    }

    /**
     * Evaluates the mean loss over {@code batches} at every grid point; {@code progress} hears the number
     * of points done after each.
     */
    static LossSurface evaluate(Module model, Loss lossFn, List<Batch> batches, List<float[]> delta, List<float[]> eta,
            double[] coordinates, IntConsumer progress) {
        List<Parameter> parameters = List.copyOf(model.namedParameters().values());
        float[][] trained = new float[parameters.size()][];
        for (int k = 0; k < trained.length; k++) {
            trained[k] = parameters.get(k).value().toArray();
        }
        int steps = coordinates.length;
        double[][] loss = new double[steps][steps];
        boolean training = model.isTraining();
        model.eval();
        try (NoGrad noGrad = NoGrad.enter()) {
            for (int i = 0; i < steps; i++) {
                for (int j = 0; j < steps; j++) {
                    move(parameters, trained, delta, eta, (float) coordinates[i], (float) coordinates[j]);
                    loss[i][j] = meanLoss(model, lossFn, batches);
                    progress.accept(i * steps + j + 1);
                }
            }
        } finally {
            for (int k = 0; k < trained.length; k++) {
                System.arraycopy(trained[k], 0, parameters.get(k).value().data(), 0, trained[k].length);
            }
            model.train(training);
        }
        return new LossSurface(coordinates, loss);
    }

    /** The mean loss over the batches, each batch's mean weighted by its size (as {@code Trainer.evaluate}). */
    static double meanLoss(Module model, Loss lossFn, List<Batch> batches) {
        double sum = 0;
        long count = 0;
        for (Batch batch : batches) {
            sum += (double) lossFn.apply(model.forward(batch.features()), batch.targets()).item() * batch.size();
            count += batch.size();
        }
        return sum / count;
    }

    private static void move(List<Parameter> parameters, float[][] trained, List<float[]> delta, List<float[]> eta,
            float alpha, float beta) {
        for (int k = 0; k < trained.length; k++) {
            float[] values = parameters.get(k).value().data();
            float[] origin = trained[k];
            float[] d = delta.get(k);
            float[] e = eta.get(k);
            for (int v = 0; v < values.length; v++) {
                values[v] = origin[v] + alpha * d[v] + beta * e[v];
            }
        }
    }

    /** The index {@code {i, j}} of the lowest finite loss on the grid. */
    int[] argmin() {
        int[] best = {-1, -1};
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < loss.length; i++) {
            for (int j = 0; j < loss.length; j++) {
                if (loss[i][j] < min) {
                    min = loss[i][j];
                    best = new int[] {i, j};
                }
            }
        }
        return best;
    }

    /** The loss at the trained weights, the middle of an odd grid. */
    double centre() {
        int middle = (coordinates.length - 1) / 2;
        return loss[middle][middle];
    }
}
