package dev.dendrite.tensor;

import static dev.dendrite.autograd.GradAssert.assertGradients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CompareOpsTest {

    private final RandomGenerator random = Tensor.generator(5);

    static Stream<Arguments> broadcastPairs() {
        return Stream.of(
                Arguments.of(new int[] {3, 19}, new int[] {3, 19}),
                Arguments.of(new int[] {3, 19}, new int[] {19}),
                Arguments.of(new int[] {4, 1}, new int[] {1, 9}),
                Arguments.of(new int[] {}, new int[] {2, 11}),
                Arguments.of(new int[] {2, 1, 4}, new int[] {2, 3, 1}));
    }

    /** Small integers, so that ties are frequent, with a NaN sprinkled in. */
    private Tensor smallIntegers(int[] shape) {
        Tensor t = Tensor.zeros(shape);
        float[] data = t.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextInt(7) == 0 ? Float.NaN : random.nextInt(-2, 3);
        }
        return t;
    }

    @ParameterizedTest
    @MethodSource("broadcastPairs")
    void masksMatchJavaComparisonsUnderBroadcasting(int[] shapeA, int[] shapeB) {
        Tensor a = smallIntegers(shapeA);
        Tensor b = smallIntegers(shapeB);
        Reference.assertBinary("eq", a, b, a.eq(b), (x, y) -> x == y ? 1 : 0, 0, 0);
        Reference.assertBinary("ne", a, b, a.ne(b), (x, y) -> x != y ? 1 : 0, 0, 0);
        Reference.assertBinary("gt", a, b, a.gt(b), (x, y) -> x > y ? 1 : 0, 0, 0);
        Reference.assertBinary("ge", a, b, a.ge(b), (x, y) -> x >= y ? 1 : 0, 0, 0);
        Reference.assertBinary("lt", a, b, a.lt(b), (x, y) -> x < y ? 1 : 0, 0, 0);
        Reference.assertBinary("le", a, b, a.le(b), (x, y) -> x <= y ? 1 : 0, 0, 0);
    }

    @Test
    void scalarComparisons() {
        Tensor x = Tensor.of(-1f, 0f, 2f, Float.NaN);
        assertThat(x.gt(0f).toArray()).containsExactly(0f, 0f, 1f, 0f);
        assertThat(x.lt(0f).toArray()).containsExactly(1f, 0f, 0f, 0f);
        assertThat(x.eq(2f).toArray()).containsExactly(0f, 0f, 1f, 0f);
        assertThat(x.ne(x).toArray()).containsExactly(0f, 0f, 0f, 1f);
    }

    @Test
    void masksNeverRequireGradientsButCanWeightAGraph() {
        Tensor x = Tensor.of(-1f, 2f, 3f).requiresGrad(true);
        Tensor mask = x.gt(0f);
        assertThat(mask.requiresGrad()).isFalse();
        assertThat(mask.isLeaf()).isTrue();
        assertThat(x.le(x.mul(2f)).requiresGrad()).isFalse();
        x.mul(mask).sum().backward();
        assertThat(x.grad().toArray()).containsExactly(0f, 1f, 1f);
    }

    @Test
    void incompatibleShapesNameTheComparison() {
        assertThatThrownBy(() -> Tensor.zeros(2, 3).ge(Tensor.zeros(4)))
                .isInstanceOf(ShapeMismatchException.class).hasMessage("ge: cannot broadcast [2, 3] and [4]");
        assertThatThrownBy(() -> Tensor.where(Tensor.zeros(2, 3), Tensor.zeros(3), Tensor.zeros(4)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("where").hasMessageContaining("[2, 3]").hasMessageContaining("[4]");
    }

    @Test
    void whereSelectsWithAllThreeBroadcasting() {
        Tensor condition = Tensor.of(new float[] {1f, 0f, Float.NaN}, 3, 1);
        Tensor ifTrue = Tensor.arange(4).reshape(1, 4);
        Tensor ifFalse = Tensor.scalar(-7f);
        Tensor out = Tensor.where(condition, ifTrue, ifFalse);
        assertThat(out.dims()).containsExactly(3, 4);
        assertThat(out.toArray()).containsExactly(0f, 1f, 2f, 3f, -7f, -7f, -7f, -7f, 0f, 1f, 2f, 3f);
    }

    @Test
    void whereSplitsTheGradientByTheConditionAndReducesBroadcastBranches() {
        Tensor condition = Tensor.of(new float[] {1f, 0f, 0f, 2f, 0f, 1f}, 2, 3);
        Tensor ifTrue = Tensor.of(new float[] {1f, 2f, 3f}, 3).requiresGrad(true);
        Tensor ifFalse = Tensor.of(new float[] {10f, 20f}, 2, 1).requiresGrad(true);
        Tensor.where(condition, ifTrue, ifFalse).backward(Tensor.of(new float[] {1f, 2f, 3f, 4f, 5f, 6f}, 2, 3));
        // ifTrue column j sums the upstream where the condition holds; ifFalse row i where it does not.
        assertThat(ifTrue.grad().toArray()).containsExactly(1f + 4f, 0f, 6f);
        assertThat(ifFalse.grad().dims()).containsExactly(2, 1);
        assertThat(ifFalse.grad().toArray()).containsExactly(2f + 3f, 5f);
    }

    @Test
    void whereGradientsMatchFiniteDifferencesAndTheConditionGetsNone() {
        Tensor condition = Tensor.rand(random, 4, 1, 5).gt(0.5f).requiresGrad(true);
        Tensor ifTrue = Tensor.randn(random, 3, 5).requiresGrad(true);
        Tensor ifFalse = Tensor.randn(random, 4, 3, 1).requiresGrad(true);
        assertGradients(in -> Tensor.where(condition, in[0], in[1]), ifTrue, ifFalse);
        assertThat(condition.grad()).isNull();

        Tensor constant = Tensor.randn(random, 3, 5);
        assertThat(Tensor.where(condition, constant, constant).requiresGrad()).isFalse();
    }
}
