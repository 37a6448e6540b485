package dev.dendrite.nn;

import dev.dendrite.nn.init.Init;
import dev.dendrite.nn.init.Initializer;
import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.ShapeMismatchException;
import dev.dendrite.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * A fully connected (dense) layer: {@code y = x W^T + b}, mapping {@code [..., in]} to
 * {@code [..., out]}. The weight is stored {@code [out, in]} as in PyTorch, so weights move between
 * the two without transposing; the product reads it transposed in place.
 *
 * <p>Initialised like PyTorch by default (weight and bias from U(-1/sqrt(in), 1/sqrt(in))); choose
 * another rule with {@link #weightInit} / {@link #biasInit}.
 */
public final class Linear extends Module {

    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;
    private Initializer weightInit = Init.lecunUniform();
    private Initializer biasInit = Init.lecunUniform();

    /** A layer from {@code in} to {@code out} features, with a bias. */
    public Linear(int in, int out) {
        this(in, out, true);
    }

    /** A layer from {@code in} to {@code out} features, with or without a bias. */
    public Linear(int in, int out, boolean withBias) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Linear needs positive sizes, got in=" + in + ", out=" + out);
        }
        this.inFeatures = in;
        this.outFeatures = out;
        this.weight = registerParameter("weight", Tensor.zeros(out, in));
        this.bias = withBias ? registerParameter("bias", Tensor.zeros(out)) : null;
        initialize(Seeds.next());
    }

    /** Re-initialises the weight with {@code rule} (from the global seed stream); returns {@code this}. */
    public Linear weightInit(Initializer rule) {
        this.weightInit = rule;
        initialize(Seeds.next());
        return this;
    }

    /** Re-initialises the bias with {@code rule} (from the global seed stream); returns {@code this}. */
    public Linear biasInit(Initializer rule) {
        this.biasInit = rule;
        initialize(Seeds.next());
        return this;
    }

    @Override
    protected void initialize(RandomGenerator random) {
        weight.value().copyFrom(weightInit.create(weight.shape(), inFeatures, outFeatures, random));
        if (bias != null) {
            bias.value().copyFrom(biasInit.create(bias.shape(), inFeatures, outFeatures, random));
        }
    }

    /** {@code [..., in] -> [..., out]}. */
    @Override
    public Tensor forward(Tensor input) {
        requireWidth(input);
        return Tensor.linear(input, weight.value(), bias == null ? null : bias.value());
    }

    /** {@code relu(forward(input))} as one fused op, for a {@link Sequential} that has a {@link ReLU} next. */
    Tensor forwardRelu(Tensor input) {
        requireWidth(input);
        return Tensor.linearRelu(input, weight.value(), bias == null ? null : bias.value());
    }

    private void requireWidth(Tensor input) {
        if (input.rank() == 0 || input.dim(-1) != inFeatures) {
            throw new ShapeMismatchException(this + ": input of shape " + input.shape()
                    + " needs last dimension " + inFeatures);
        }
    }

    /** The weight, {@code [out, in]}. */
    public Parameter weight() {
        return weight;
    }

    /** The bias, {@code [out]}, or null for a layer without one. */
    public Parameter bias() {
        return bias;
    }

    /** The number of input features. */
    public int inFeatures() {
        return inFeatures;
    }

    /** The number of output features. */
    public int outFeatures() {
        return outFeatures;
    }

    /** The output shape for an input shape. */
    public Shape outputShape(Shape input) {
        return input.with(-1, outFeatures);
    }

    @Override
    protected String describe() {
        return "in=" + inFeatures + ", out=" + outFeatures + (bias == null ? ", bias=false" : "");
    }
}
