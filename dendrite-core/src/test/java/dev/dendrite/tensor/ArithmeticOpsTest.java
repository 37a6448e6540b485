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
}
