package dev.dendrite.nn;

import dev.dendrite.tensor.Tensor;

/**
 * The lecture's building block: one neuron with weights theta_1..theta_m, a bias theta_0 and a
 * non-linear activation g, computing {@code y = g(theta_0 + sum_i x_i theta_i)}. It maps
 * {@code [batch, m]} to {@code [batch, 1]} and can be trained on its own or stacked.
 */
public final class Perceptron extends Module {

    private final Linear linear;
    private final Module activation;

    /** A perceptron over {@code inputs} features with the sigmoid activation. */
    public Perceptron(int inputs) {
        this(inputs, new Sigmoid());
    }

    /** A perceptron over {@code inputs} features with the given activation module. */
    public Perceptron(int inputs, Module activation) {
        this.linear = registerModule("linear", new Linear(inputs, 1));
        this.activation = registerModule("activation", activation);
    }

    /** The weights theta_1..theta_m as a {@code [1, m]} parameter. */
    public Parameter weights() {
        return linear.weight();
    }

    /** The bias theta_0 as a {@code [1]} parameter. */
    public Parameter bias() {
        return linear.bias();
    }

    /** The number of input features m. */
    public int inputs() {
        return linear.inFeatures();
    }

    /** The activation module g. */
    public Module activation() {
        return activation;
    }

    /** {@code [batch, m] -> [batch, 1]}: the activation of the weighted sum plus bias. */
    @Override
    public Tensor forward(Tensor input) {
        return activation.forward(linear.forward(input));
    }
}
