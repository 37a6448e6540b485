package dev.dendrite.autograd;

import dev.dendrite.tensor.Tensor;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Checks the gradients backprop computes against central finite differences.
 *
 * <p>A non-scalar output {@code y} is reduced to {@code L = sum(y * r)} with a fixed random {@code r},
 * so every output element's gradient is exercised and a wrong sign or a missing factor shows. For
 * each element {@code x_i} of each input that requires gradients, the numeric derivative is
 * {@code (L(x_i + h) - L(x_i - h)) / 2h}, with {@code L} summed in double.
 *
 * <p>Defaults, chosen for float32: {@code h = 1e-2} keeps the rounding error of the difference
 * (about {@code 1e-7 |y| / h} per output element) well under the tolerance, while the truncation
 * error {@code h^2 f''' / 6} stays below 1e-4 relative on well-conditioned inputs; an element
 * passes when {@code |analytic - numeric| <= atol + rtol * |numeric|} with {@code rtol = 1e-2},
 * {@code atol = 1e-3}. Keep inputs at least {@code h} away from kinks (relu at 0, ties in max).
 */
public final class GradCheck {

    /** Central-difference step used by {@link #check(Function, Tensor...)}. */
    public static final double DEFAULT_STEP = 1e-2;
    /** Relative tolerance used by {@link #check(Function, Tensor...)}. */
    public static final double DEFAULT_RTOL = 1e-2;
    /** Absolute tolerance used by {@link #check(Function, Tensor...)}. */
    public static final double DEFAULT_ATOL = 1e-3;

    private GradCheck() {
    }

    /**
     * The outcome: whether every element passed, the worst error relative to the tolerance
     * ({@code |a - n| / (atol + rtol |n|)}, so below 1 passes), and a description of the worst element.
     */
    public record Result(boolean passed, double worstRatio, String worst) {
    }

    /** Checks {@code f} at {@code inputs} with the default step and tolerances. */
    public static Result check(Function<Tensor[], Tensor> f, Tensor... inputs) {
        return check(f, DEFAULT_STEP, DEFAULT_RTOL, DEFAULT_ATOL, inputs);
    }

    /**
     * Checks {@code f} at {@code inputs}: the analytic gradient of every input that requires gradients
     * against central differences with step {@code h}. The inputs' values are restored afterwards.
     */
    public static Result check(Function<Tensor[], Tensor> f, double h, double rtol, double atol, Tensor... inputs) {
        for (Tensor input : inputs) {
            if (input.requiresGrad()) {
                input.zeroGrad();
            }
        }
        Tensor output = f.apply(inputs);
        float[] weights = projection(output.size());
        Tensor loss = output.mul(Tensor.of(weights, output.dims())).sum();
        loss.backward();

        double worstRatio = 0;
        String worst = "no input requires gradients";
        for (int which = 0; which < inputs.length; which++) {
            Tensor input = inputs[which];
            if (!input.requiresGrad()) {
                continue;
            }
            if (input.grad() == null) {
                return new Result(false, Double.POSITIVE_INFINITY,
                        "input " + which + " " + input.shape() + " got no gradient from backward()");
            }
            float[] values = input.data();
            float[] analytic = input.grad().data();
            for (int i = 0; i < values.length; i++) {
                float original = values[i];
                values[i] = (float) (original + h);
                double plus = projected(f, inputs, weights);
                values[i] = (float) (original - h);
                double minus = projected(f, inputs, weights);
                values[i] = original;
                double numeric = (plus - minus) / (2 * h);
                double ratio = Math.abs(analytic[i] - numeric) / (atol + rtol * Math.abs(numeric));
                if (!(ratio <= worstRatio) || worst.startsWith("no input")) {
                    worstRatio = Double.isNaN(ratio) ? Double.POSITIVE_INFINITY : ratio;
                    worst = "input " + which + " " + input.shape() + " element " + i + ": analytic "
                            + analytic[i] + ", numeric " + numeric;
                }
            }
        }
        return new Result(worstRatio <= 1, worstRatio, worst);
    }

    private static double projected(Function<Tensor[], Tensor> f, Tensor[] inputs, float[] weights) {
        try (NoGrad noGrad = NoGrad.enter()) {
            float[] y = f.apply(inputs).data();
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                sum += (double) y[i] * weights[i];
            }
            return sum;
        }
    }

    /** Fixed weights in [0.5, 1.5) with random signs, the same for every check. */
    private static float[] projection(int size) {
        RandomGenerator random = Tensor.generator(0x5EED);
        float[] weights = new float[size];
        for (int i = 0; i < size; i++) {
            float magnitude = 0.5f + random.nextFloat();
            weights[i] = random.nextBoolean() ? magnitude : -magnitude;
        }
        return weights;
    }
}
