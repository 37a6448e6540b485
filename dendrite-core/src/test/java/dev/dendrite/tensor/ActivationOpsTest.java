package dev.dendrite.tensor;

import static dev.dendrite.autograd.GradAssert.assertGradients;
import static dev.dendrite.tensor.Reference.assertUnary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dendrite.kernel.Parallel;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ActivationOpsTest {

    private final RandomGenerator random = Tensor.generator(3);

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Each activation with its double reference and the tolerance its float kernel meets. */
    static Stream<Arguments> activations() {
        return Stream.of(
                Arguments.of("relu", (UnaryOperator<Tensor>) Tensor::relu, (DoubleUnaryOperator) x -> Math.max(x, 0), 0.0),
                Arguments.of("leakyRelu", (UnaryOperator<Tensor>) t -> t.leakyRelu(0.1f),
                        (DoubleUnaryOperator) x -> x > 0 ? x : 0.1f * x, 1e-7),
                Arguments.of("elu", (UnaryOperator<Tensor>) t -> t.elu(0.7f),
                        (DoubleUnaryOperator) x -> x > 0 ? x : 0.7f * Math.expm1(x), 2e-6),
                Arguments.of("gelu", (UnaryOperator<Tensor>) Tensor::gelu,
                        (DoubleUnaryOperator) x -> x * Reference.normalCdf(x), 1e-5),
                Arguments.of("silu", (UnaryOperator<Tensor>) Tensor::silu,
                        (DoubleUnaryOperator) x -> x * sigmoid(x), 2e-6),
                Arguments.of("softplus", (UnaryOperator<Tensor>) Tensor::softplus,
                        (DoubleUnaryOperator) x -> x > 20 ? x : Math.log1p(Math.exp(x)), 2e-6),
                Arguments.of("sigmoid", (UnaryOperator<Tensor>) Tensor::sigmoid,
                        (DoubleUnaryOperator) ActivationOpsTest::sigmoid, 2e-6),
                Arguments.of("tanh", (UnaryOperator<Tensor>) Tensor::tanh, (DoubleUnaryOperator) Math::tanh, 2e-6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void forwardMatchesADoubleReference(String name, UnaryOperator<Tensor> op, DoubleUnaryOperator reference,
                                        double rtol) {
        // Odd sizes exercise the masked tail; the wide range reaches both saturated ends.
        Tensor wide = Tensor.uniform(random, -40f, 40f, 1013);
        Tensor near = Tensor.randn(random, 517);
        assertUnary(name, wide, op.apply(wide), reference, rtol, 1e-30);
        assertUnary(name, near, op.apply(near), reference, rtol, 1e-30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void gradientsMatchFiniteDifferences(String name, UnaryOperator<Tensor> op, DoubleUnaryOperator reference,
                                         double rtol) {
        for (int[] shape : new int[][] {{}, {6}, {3, 11}, {2, 3, 4}}) {
            Tensor x = Reference.awayFrom(Tensor.uniform(random, -4f, 4f, shape), 0f, 0.05f).requiresGrad(true);
            assertGradients(in -> op.apply(in[0]), x);
        }
    }

    @Test
    void gradientsAtLargeMagnitudesAndKinksFollowTheConventions() {
        Tensor x = Tensor.of(-1000f, -30f, 0f, 30f, 1000f).requiresGrad(true);
        x.relu().sum().backward();
        assertThat(x.grad().toArray()).containsExactly(0f, 0f, 0f, 1f, 1f);
        x.zeroGrad();
        x.sigmoid().sum().backward();
        // From the output y(1 - y), as PyTorch: at +30, y rounds to 1 in float and the gradient to 0.
        assertThat(x.grad().toArray()).containsExactly(0f, (float) (Math.exp(-30) / Math.pow(1 + Math.exp(-30), 2)),
                0.25f, 0f, 0f);
        x.zeroGrad();
        x.softplus().sum().backward();
        assertThat(x.grad().toArray()).containsExactly(0f, (float) sigmoid(-30), 0.5f, 1f, 1f);
        x.zeroGrad();
        x.leakyRelu(0.25f).sum().backward();
        assertThat(x.grad().toArray()).containsExactly(0.25f, 0.25f, 0.25f, 1f, 1f);
    }

    @Test
    void saturatingActivationsStayFiniteAndExactAtPlusMinusThousand() {
        Tensor x = Tensor.of(-1000f, 1000f);
        assertThat(x.sigmoid().toArray()).containsExactly(0f, 1f);
        assertThat(x.tanh().toArray()).containsExactly(-1f, 1f);
        assertThat(x.softplus().toArray()).containsExactly(0f, 1000f);
        assertThat(x.silu().toArray()).containsExactly(-0f, 1000f);
        assertThat(x.gelu().toArray()).containsExactly(-0f, 1000f);
        assertThat(x.elu(1f).toArray()).containsExactly(-1f, 1000f);
        assertThat(Tensor.of(-100f).sigmoid().item()).isEqualTo((float) Math.exp(-100)).isPositive();
        assertThat(Tensor.of(-100f).softplus().item()).isEqualTo((float) Math.exp(-100));
    }

    // ------------------------------------------------------------------ softmax

    /** softmax (or log-softmax) along {@code axis} of {@code x}, in double, for comparison. */
    private static double[] softmaxReference(Tensor x, int axis, boolean log) {
        int a = x.shape().axis(axis);
        int outer = x.shape().sizeOf(0, a);
        int n = x.dim(a);
        int inner = x.shape().sizeOf(a + 1, x.rank());
        double[] out = new double[x.size()];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int r = 0; r < n; r++) {
                    max = Math.max(max, x.data()[(o * n + r) * inner + i]);
                }
                double sum = 0;
                for (int r = 0; r < n; r++) {
                    sum += Math.exp(x.data()[(o * n + r) * inner + i] - max);
                }
                for (int r = 0; r < n; r++) {
                    int at = (o * n + r) * inner + i;
                    out[at] = log ? x.data()[at] - max - Math.log(sum) : Math.exp(x.data()[at] - max) / sum;
                }
            }
        }
        return out;
    }

    static Stream<Arguments> softmaxCases() {
        return Stream.of(
                Arguments.of(new int[] {7}, 0),
                Arguments.of(new int[] {4, 10}, -1),
                Arguments.of(new int[] {4, 10}, 0),
                Arguments.of(new int[] {3, 5, 13}, 1),
                Arguments.of(new int[] {3, 5, 13}, 2),
                Arguments.of(new int[] {2, 3, 4, 5}, 0),
                Arguments.of(new int[] {2, 3, 4, 5}, -2));
    }

    @ParameterizedTest
    @MethodSource("softmaxCases")
    void softmaxAndLogSoftmaxMatchADoubleReferenceAlongAnyAxis(int[] shape, int axis) {
        Tensor x = Tensor.uniform(random, -10f, 10f, shape);
        double[] expected = softmaxReference(x, axis, false);
        double[] expectedLog = softmaxReference(x, axis, true);
        Tensor y = x.softmax(axis);
        Tensor logY = x.logSoftmax(axis);
        assertThat(y.shape()).isEqualTo(x.shape());
        for (int i = 0; i < x.size(); i++) {
            Reference.assertClose("softmax[" + i + "]", y.data()[i], expected[i], 3e-6, 1e-12);
            Reference.assertClose("logSoftmax[" + i + "]", logY.data()[i], expectedLog[i], 1e-6, 2e-6);
        }
    }

    @ParameterizedTest
    @MethodSource("softmaxCases")
    void softmaxAndLogSoftmaxGradientsAlongAnyAxis(int[] shape, int axis) {
        Tensor x = Tensor.uniform(random, -3f, 3f, shape).requiresGrad(true);
        assertGradients(in -> in[0].softmax(axis), x);
        assertGradients(in -> in[0].logSoftmax(axis), x);
    }

    @Test
    void softmaxIsStableForHugeInputsOnEveryAxis() {
        assertThat(Tensor.of(1000f, 0f).softmax(0).toArray()).containsExactly(1f, 0f);
        assertThat(Tensor.of(-1000f, 0f).logSoftmax(0).toArray()).containsExactly(-1000f, 0f);
        assertThat(Tensor.of(1000f, 1000f).softmax(0).toArray()).containsExactly(0.5f, 0.5f);
        assertThat(Tensor.of(-1000f, -1000f).logSoftmax(0).toArray())
                .containsExactly((float) -Math.log(2), (float) -Math.log(2));
        Tensor columns = Tensor.of(new float[][] {{1000f, -1000f, 5f}, {0f, -1000f, 5f}});
        assertThat(columns.softmax(0).toArray()).containsExactly(1f, 0.5f, 0.5f, 0f, 0.5f, 0.5f);
        float log2 = (float) -Math.log(2);
        assertThat(columns.logSoftmax(0).toArray()).containsExactly(0f, log2, log2, -1000f, log2, log2);
        Tensor x = Tensor.of(new float[] {1000f, -1000f, 0f, -1000f}, 2, 2).requiresGrad(true);
        x.logSoftmax(1).sum().backward();
        for (float g : x.grad().toArray()) {
            assertThat(g).isFinite();
        }
    }

    @Test
    void softmaxRejectsAnAxisOutOfRangeNamingTheOp() {
        assertThatThrownBy(() -> Tensor.zeros(2, 3).softmax(2)).hasMessageContaining("softmax")
                .hasMessageContaining("[2, 3]");
    }

    @Test
    void largeTensorsGiveTheSameBitsOnAnyNumberOfThreads() {
        // Just above the parallel threshold, so the kernels split the work when allowed more than one thread.
        Tensor x = Tensor.randn(random, 131, 257).requiresGrad(true);
        Tensor upstream = Tensor.randn(random, 131, 257);
        // Strict: the kernels' exp/log (VectorMath) give the same bits in every JIT tier, so all three
        // runs must agree exactly, however far compilation has got in between.
        float[][] before = everything(x, upstream, 1);
        float[][] parallel = everything(x, upstream, Parallel.cores());
        float[][] after = everything(x, upstream, 1);
        for (int i = 0; i < before.length; i++) {
            assertThat(parallel[i]).as("parallel result " + i).containsExactly(before[i]);
            assertThat(after[i]).as("repeated result " + i).containsExactly(before[i]);
        }
    }

    private static float[][] everything(Tensor x, Tensor upstream, int threads) {
        float[][] results = new float[6][];
        int k = 0;
        try {
            Parallel.setThreads(threads);
            for (UnaryOperator<Tensor> op : java.util.List.<UnaryOperator<Tensor>>of(
                    Tensor::sigmoid, t -> t.softmax(1), t -> t.softmax(0))) {
                x.zeroGrad();
                Tensor y = op.apply(x);
                y.backward(upstream);
                results[k++] = y.toArray();
                results[k++] = x.grad().toArray();
            }
        } finally {
            Parallel.setThreads(Parallel.cores());
        }
        return results;
    }
}
