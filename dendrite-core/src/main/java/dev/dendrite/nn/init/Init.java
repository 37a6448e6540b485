package dev.dendrite.nn.init;

import dev.dendrite.tensor.Tensor;

/**
 * The usual initialisers, with PyTorch's names and formulas ({@code torch.nn.init}). Gains follow
 * {@code calculate_gain}: 1 for linear/sigmoid, sqrt(2) for ReLU.
 */
public final class Init {

    private Init() {
    }

    /** All zeros (biases, usually). */
    public static Initializer zeros() {
        return (shape, fanIn, fanOut, random) -> Tensor.zeros(shape);
    }

    /** Every value {@code value}. */
    public static Initializer constant(float value) {
        return (shape, fanIn, fanOut, random) -> Tensor.full(value, shape.dims());
    }

    /** Samples from N(0, std^2). */
    public static Initializer normal(float std) {
        return normal(0f, std);
    }

    /** Samples from N(mean, std^2). */
    public static Initializer normal(float mean, float std) {
        return (shape, fanIn, fanOut, random) -> Tensor.normal(random, mean, std, shape.dims());
    }

    /** Samples uniformly from {@code [low, high)}. */
    public static Initializer uniform(float low, float high) {
        return (shape, fanIn, fanOut, random) -> Tensor.uniform(random, low, high, shape.dims());
    }

    /** Xavier/Glorot uniform: U(-a, a) with a = gain * sqrt(6 / (fanIn + fanOut)); gain 1. */
    public static Initializer xavierUniform() {
        return xavierUniform(1f);
    }

    /** Xavier/Glorot uniform with the given gain. */
    public static Initializer xavierUniform(float gain) {
        return (shape, fanIn, fanOut, random) -> {
            float bound = gain * (float) Math.sqrt(6.0 / (fanIn + fanOut));
            return Tensor.uniform(random, -bound, bound, shape.dims());
        };
    }

    /** Xavier/Glorot normal: N(0, std^2) with std = gain * sqrt(2 / (fanIn + fanOut)); gain 1. */
    public static Initializer xavierNormal() {
        return xavierNormal(1f);
    }

    /** Xavier/Glorot normal with the given gain. */
    public static Initializer xavierNormal(float gain) {
        return (shape, fanIn, fanOut, random) ->
                Tensor.normal(random, 0f, gain * (float) Math.sqrt(2.0 / (fanIn + fanOut)), shape.dims());
    }

    /** He/Kaiming uniform for ReLU, fan-in mode: U(-b, b) with b = sqrt(2) * sqrt(3 / fanIn). */
    public static Initializer kaimingUniform() {
        return (shape, fanIn, fanOut, random) -> {
            float bound = (float) (Math.sqrt(2.0) * Math.sqrt(3.0 / fanIn));
            return Tensor.uniform(random, -bound, bound, shape.dims());
        };
    }

    /** He/Kaiming normal for ReLU, fan-in mode: N(0, 2 / fanIn). */
    public static Initializer kaimingNormal() {
        return (shape, fanIn, fanOut, random) ->
                Tensor.normal(random, 0f, (float) Math.sqrt(2.0 / fanIn), shape.dims());
    }

    /**
     * PyTorch's default for Linear weights and biases: U(-1/sqrt(fanIn), 1/sqrt(fanIn)) (what its
     * {@code kaiming_uniform_(a=sqrt(5))} works out to).
     */
    public static Initializer lecunUniform() {
        return (shape, fanIn, fanOut, random) -> {
            float bound = fanIn > 0 ? (float) (1.0 / Math.sqrt(fanIn)) : 0f;
            return Tensor.uniform(random, -bound, bound, shape.dims());
        };
    }
}
