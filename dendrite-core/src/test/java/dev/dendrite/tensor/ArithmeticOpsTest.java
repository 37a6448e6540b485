package dev.dendrite.tensor;

import static dev.dendrite.autograd.GradAssert.assertGradients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ArithmeticOpsTest {

    private final RandomGenerator random = Tensor.generator(7);

    static Stream<Arguments> broadcastPairs() {
        return Stream.of(
                Arguments.of(new int[] {3, 4}, new int[] {3, 4}),
                Arguments.of(new int[] {3, 4}, new int[] {4}),
                Arguments.of(new int[] {3, 1}, new int[] {1, 5}),
                Arguments.of(new int[] {2, 3, 4}, new int[] {3, 1}),
                Arguments.of(new int[] {}, new int[] {2, 3}),
                Arguments.of(new int[] {2, 1, 4}, new int[] {2, 3, 1}),
                Arguments.of(new int[] {37}, new int[] {5, 37}));
    }

    @ParameterizedTest
    @MethodSource("broadcastPairs")
    void addSubMulDivMatchElementwiseDefinitionAndGradients(int[] shapeA, int[] shapeB) {
        Tensor a = Tensor.uniform(random, 0.5f, 2f, shapeA).requiresGrad(true);
        Tensor b = Tensor.uniform(random, 0.5f, 2f, shapeB).requiresGrad(true);
        Tensor sum = a.add(b);
        Shape out = Shape.broadcast("test", a.shape(), b.shape());
        assertThat(sum.shape()).isEqualTo(out);
        int[] sa = Broadcast.stridesIn(a.shape(), out);
        int[] sb = Broadcast.stridesIn(b.shape(), out);
        int[] strides = out.strides();
        for (int flat = 0; flat < out.size(); flat++) {
            int ia = 0;
            int ib = 0;
            for (int axis = 0; axis < out.rank(); axis++) {
                int coordinate = flat / strides[axis] % out.dim(axis);
                ia += coordinate * sa[axis];
                ib += coordinate * sb[axis];
            }
            float x = a.data()[ia];
            float y = b.data()[ib];
            assertThat(sum.data()[flat]).isEqualTo(x + y);
            assertThat(a.sub(b).data()[flat]).isEqualTo(x - y);
            assertThat(a.mul(b).data()[flat]).isEqualTo(x * y);
            assertThat(a.div(b).data()[flat]).isEqualTo(x / y);
        }
        assertGradients(in -> in[0].add(in[1]), a, b);
        assertGradients(in -> in[0].sub(in[1]), a, b);
        assertGradients(in -> in[0].mul(in[1]), a, b);
        assertGradients(in -> in[0].div(in[1]), a, b);
    }

    @Test
    void scalarOperandsHaveGradients() {
        Tensor a = Tensor.randn(random, 4, 3).requiresGrad(true);
        assertGradients(in -> in[0].add(2.5f), a);
        assertGradients(in -> in[0].sub(1f).mul(-3f), a);
        assertGradients(in -> in[0].div(4f).neg(), a);
        assertThat(a.mul(2f).data()[5]).isEqualTo(a.data()[5] * 2f);
    }

    @Test
    void incompatibleShapesNameTheOpAndBothShapes() {
        assertThatThrownBy(() -> Tensor.zeros(3, 4).add(Tensor.zeros(3)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("add: cannot broadcast [3, 4] and [3]");
        assertThatThrownBy(() -> Tensor.zeros(2, 5).mul(Tensor.zeros(3, 5)))
                .hasMessageContaining("mul").hasMessageContaining("[2, 5]").hasMessageContaining("[3, 5]");
    }

    @ParameterizedTest
    @MethodSource("broadcastPairs")
    void powMatchesMathPowAndHasGradientsForBaseAndExponent(int[] shapeA, int[] shapeB) {
        Tensor base = Tensor.uniform(random, 0.5f, 2f, shapeA).requiresGrad(true);
        Tensor exponent = Tensor.uniform(random, -2f, 2f, shapeB).requiresGrad(true);
        Reference.assertBinary("pow", base, exponent, base.pow(exponent), Math::pow, 2e-6, 0);
        assertGradients(in -> in[0].pow(in[1]), base, exponent);
    }

    @Test
    void powByAScalarMatchesMathPowIncludingNegativeBasesWithIntegerExponents() {
        Tensor positive = Tensor.uniform(random, 0.5f, 3f, 37).requiresGrad(true);
        Tensor any = Tensor.uniform(random, -3f, 3f, 37).requiresGrad(true);
        for (float p : new float[] {2f, 0.5f, -1.5f, 1f, 0f, 3.25f}) {
            Reference.assertUnary("pow " + p, positive, positive.pow(p), x -> Math.pow(x, p), 2e-6, 0);
            assertGradients(in -> in[0].pow(p), positive);
        }
        for (float p : new float[] {2f, 3f, -2f}) {
            Reference.assertUnary("pow " + p, any, any.pow(p), x -> Math.pow(x, p), 2e-6, 0);
        }
        Tensor awayFromZero = Reference.awayFrom(any.detach().copy(), 0f, 0.3f).requiresGrad(true);
        assertGradients(in -> in[0].pow(3f), awayFromZero);
        assertGradients(in -> in[0].pow(-2f), awayFromZero);
    }

    @Test
    void powEdgeGradients() {
        Tensor x = Tensor.of(0f, 2f).requiresGrad(true);
        x.pow(0f).sum().backward();
        assertThat(x.grad().toArray()).containsExactly(0f, 0f);

        // d(0^b)/db is taken as 0 for b >= 0 (as PyTorch), not 0 * log(0) = NaN.
        Tensor base = Tensor.of(0f, 0f).requiresGrad(true);
        Tensor exponent = Tensor.of(2f, 0f).requiresGrad(true);
        base.pow(exponent).sum().backward();
        assertThat(exponent.grad().toArray()).containsExactly(0f, 0f);
        assertThat(base.grad().data()[0]).isEqualTo(0f);
    }

    /** Values 0.2k + offset with jitter below 0.02: two tensors with offsets 0 and 0.1 never come within 0.06. */
    private Tensor gridded(float offset, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] data = t.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = 0.2f * random.nextInt(-10, 11) + offset + (random.nextFloat() - 0.5f) * 0.04f;
        }
        return t;
    }

    @ParameterizedTest
    @MethodSource("broadcastPairs")
    void maximumAndMinimumMatchMathAndHaveGradients(int[] shapeA, int[] shapeB) {
        Tensor a = gridded(0.1f, shapeA).requiresGrad(true);
        Tensor b = gridded(0f, shapeB).requiresGrad(true);
        Reference.assertBinary("maximum", a, b, a.maximum(b), Math::max, 0, 0);
        Reference.assertBinary("minimum", a, b, a.minimum(b), Math::min, 0, 0);
        assertGradients(in -> in[0].maximum(in[1]), a, b);
        assertGradients(in -> in[0].minimum(in[1]), a, b);
    }

    @Test
    void maximumAndMinimumSplitTheGradientEvenlyOnTies() {
        Tensor a = Tensor.of(1f, 2f, 3f).requiresGrad(true);
        Tensor b = Tensor.of(1f, 5f, 0f).requiresGrad(true);
        a.maximum(b).sum().backward();
        assertThat(a.grad().toArray()).containsExactly(0.5f, 0f, 1f);
        assertThat(b.grad().toArray()).containsExactly(0.5f, 1f, 0f);

        Tensor x = Tensor.of(2f, 2f, 3f).requiresGrad(true);
        Tensor bound = Tensor.scalar(2f).requiresGrad(true);
        x.minimum(bound).sum().backward();
        assertThat(x.grad().toArray()).containsExactly(0.5f, 0.5f, 0f);
        assertThat(bound.grad().item()).isEqualTo(0.5f + 0.5f + 1f);
        assertThat(Tensor.of(Float.NaN, 1f).maximum(Tensor.of(0f, Float.NaN)).toArray())
                .containsExactly(Float.NaN, Float.NaN);
    }

    @Test
    void clampLimitsValuesAndPassesTheGradientOnlyInsideTheInclusiveRange() {
        Tensor x = Reference.awayFrom(Reference.awayFrom(Tensor.uniform(random, -3f, 3f, 4, 9), -1f, 0.05f), 1.5f, 0.05f);
        Reference.assertUnary("clamp", x, x.clamp(-1f, 1.5f), v -> Math.min(Math.max(v, -1), 1.5), 0, 0);
        x.requiresGrad(true);
        assertGradients(in -> in[0].clamp(-1f, 1.5f), x);

        Tensor edges = Tensor.of(-1f, 1f, 1.5f, -2f, 0f).requiresGrad(true);
        Tensor clamped = edges.clamp(-1f, 1f);
        assertThat(clamped.toArray()).containsExactly(-1f, 1f, 1f, -1f, 0f);
        clamped.sum().backward();
        assertThat(edges.grad().toArray()).containsExactly(1f, 1f, 0f, 0f, 1f);
        assertThatThrownBy(() -> edges.clamp(2f, 1f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clamp");
    }
}

