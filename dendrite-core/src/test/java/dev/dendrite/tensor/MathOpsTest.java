package dev.dendrite.tensor;

import static dev.dendrite.autograd.GradAssert.assertGradients;
import static dev.dendrite.tensor.Reference.assertUnary;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MathOpsTest {

    private final RandomGenerator random = Tensor.generator(11);

    /** Shapes for gradient checks: a scalar, a run shorter than a vector, a masked tail, several dims. */
    static Stream<int[]> shapes() {
        return Stream.of(new int[] {}, new int[] {5}, new int[] {3, 7}, new int[] {2, 3, 4});
    }

    @Test
    void forwardMatchesJavaLangMathOnRandomInputs() {
        // 1031 elements: many full vectors plus a masked tail.
        Tensor wide = Tensor.uniform(random, -30f, 30f, 1031);
        Tensor positive = Tensor.uniform(random, 1e-4f, 100f, 1031);
        assertUnary("exp", wide, wide.exp(), Math::exp, 2e-6, 0);
        assertUnary("log", positive, positive.log(), Math::log, 2e-6, 1e-7);
        assertUnary("sqrt", positive, positive.sqrt(), Math::sqrt, 1e-7, 0);
        assertUnary("abs", wide, wide.abs(), Math::abs, 0, 0);
    }

    @Test
    void specialValuesFollowIeee() {
        assertThat(Tensor.of(-1000f, 1000f, 0f).exp().toArray()).containsExactly(0f, Float.POSITIVE_INFINITY, 1f);
        assertThat(Tensor.of(0f, -1f, 1f).log().toArray()).containsExactly(Float.NEGATIVE_INFINITY, Float.NaN, 0f);
        assertThat(Tensor.of(-0f, 4f, -1f).sqrt().toArray()).containsExactly(-0f, 2f, Float.NaN);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void gradientsMatchFiniteDifferences(int[] shape) {
        Tensor x = Tensor.uniform(random, -2f, 2f, shape).requiresGrad(true);
        assertGradients(in -> in[0].exp(), x);
        Tensor positive = Tensor.uniform(random, 0.5f, 3f, shape).requiresGrad(true);
        assertGradients(in -> in[0].log(), positive);
        assertGradients(in -> in[0].sqrt(), positive);
        Tensor awayFromZero = Reference.awayFrom(Tensor.uniform(random, -2f, 2f, shape), 0f, 0.05f).requiresGrad(true);
        assertGradients(in -> in[0].abs(), awayFromZero);
    }

    @Test
    void absGradientIsSignAndZeroAtZero() {
        Tensor x = Tensor.of(-2f, 0f, 3f, -0f).requiresGrad(true);
        x.abs().sum().backward();
        assertThat(x.grad().toArray()).containsExactly(-1f, 0f, 1f, 0f);
    }

    @Test
    void gradientsUseTheChainRule() {
        Tensor x = Tensor.of(0.5f, 2f).requiresGrad(true);
        x.exp().backward(Tensor.of(3f, -1f));
        assertThat(x.grad().data()[0]).isCloseTo((float) (3 * Math.exp(0.5)), org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(x.grad().data()[1]).isCloseTo((float) -Math.exp(2), org.assertj.core.data.Offset.offset(1e-5f));
    }
}
