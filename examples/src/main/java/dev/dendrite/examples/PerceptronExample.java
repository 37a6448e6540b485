package dev.dendrite.examples;

import dev.dendrite.data.TensorDataset;
import dev.dendrite.loss.BCEWithLogitsLoss;
import dev.dendrite.nn.Identity;
import dev.dendrite.nn.Linear;
import dev.dendrite.nn.Module;
import dev.dendrite.nn.Perceptron;
import dev.dendrite.nn.Seeds;
import dev.dendrite.nn.Sequential;
import dev.dendrite.nn.Tanh;
import dev.dendrite.optim.Adam;
import dev.dendrite.tensor.Tensor;
import dev.dendrite.train.Trainer;
import dev.dendrite.train.metric.BinaryAccuracy;

/**
 * The lecture's first picture: a single perceptron learns AND and OR, which a line separates, and
 * cannot learn XOR, which no line separates; two layers of perceptrons can.
 */
public final class PerceptronExample {

    private PerceptronExample() {
    }

    /** The four corners of the unit square, {@code [4, 2]}. */
    static final float[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    /** The truth tables, one per gate, in the order of {@link #INPUTS}. */
    static final float[] AND = {0, 0, 0, 1};
    /** OR's truth table. */
    static final float[] OR = {0, 1, 1, 1};
    /** XOR's truth table. */
    static final float[] XOR = {0, 1, 1, 0};

    /** A single perceptron (emitting a logit; the loss applies the sigmoid) trained on a truth table; returns its accuracy. */
    public static double perceptron(float[] truth) {
        Seeds.manualSeed(1);
        return train(new Perceptron(2, new Identity()), truth, 0.1);
    }

    /** A network of two layers (8 tanh units, then one output) trained on a truth table; returns its accuracy. */
    public static double twoLayers(float[] truth) {
        Seeds.manualSeed(1);
        return train(new Sequential(new Linear(2, 8), new Tanh(), new Linear(8, 1)), truth, 0.05);
    }

    private static double train(Module model, float[] truth, double learningRate) {
        var data = new TensorDataset(Tensor.of(INPUTS), Tensor.of(truth, 4, 1));
        var trainer = Trainer.of(model)
                .loss(new BCEWithLogitsLoss())
                .optimizer(new Adam(model.parameters(), learningRate))
                .metrics(new BinaryAccuracy(0.5, true))
                .batchSize(4).epochs(1000).seed(1);
        trainer.fit(data);
        return trainer.evaluate(data).get("binary_accuracy");
    }

    /** Prints the accuracy of a perceptron and of two layers on AND, OR and XOR. */
    public static void main(String[] args) {
        System.out.printf("perceptron: AND %.0f%%, OR %.0f%%, XOR %.0f%%%n",
                100 * perceptron(AND), 100 * perceptron(OR), 100 * perceptron(XOR));
        System.out.printf("two layers: XOR %.0f%%%n", 100 * twoLayers(XOR));
    }
}
