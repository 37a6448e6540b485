package dev.dendrite.tensor;

import static dev.dendrite.autograd.GradAssert.assertGradients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class LinearOpsTest {

    private final RandomGenerator random = Tensor.generator(23);

    /** {@code x W^T + b} for 2-D x in double, as the separate ops would compute it. */
    private static float[] reference(Tensor x, Tensor w, Tensor b) {
        int rows = x.dim(0);
        int in = x.dim(1);
        int out = w.dim(0);
        float[] y = new float[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double sum = b == null ? 0 : b.get(o);
                for (int i = 0; i < in; i++) {
                    sum += (double) x.get(r, i) * w.get(o, i);
                }
                y[r * out + o] = (float) sum;
            }
        }
        return y;
    }

    @Test
    void matchesTheProductPlusBias() {
        for (int[] size : new int[][] {{1, 784, 256}, {5, 7, 3}, {128, 33, 10}, {3, 600, 2}}) {
            Tensor x = Tensor.randn(random, size[0], size[1]);
            Tensor w = Tensor.randn(random, size[2], size[1]);
            Tensor b = Tensor.randn(random, size[2]);
            for (Tensor bias : new Tensor[] {b, null}) {
                float[] expected = reference(x, w, bias);
                Tensor y = Tensor.linear(x, w, bias);
                assertThat(y.dims()).containsExactly(size[0], size[2]);
                for (int i = 0; i < expected.length; i++) {
                    assertThat(y.data()[i]).as("element %d of %s", i, y.shape())
                            .isCloseTo(expected[i], within(1e-4f * (1 + Math.abs(expected[i]))));
                }
            }
        }
    }

    @Test
    void gradientsOfInputWeightAndBias() {
        Tensor x = Tensor.randn(random, 5, 4).requiresGrad(true);
        Tensor w = Tensor.randn(random, 3, 4).requiresGrad(true);
        Tensor b = Tensor.randn(random, 3).requiresGrad(true);
        assertGradients(in -> Tensor.linear(in[0], in[1], in[2]), x, w, b);
        assertGradients(in -> Tensor.linear(in[0], in[1], null), x, w);
    }

    @Test
    void gradientsForHigherRankInputsAndOneRow() {
        Tensor x3 = Tensor.randn(random, 2, 3, 4).requiresGrad(true);
        Tensor x1 = Tensor.randn(random, 1, 4).requiresGrad(true);
        Tensor w = Tensor.randn(random, 5, 4).requiresGrad(true);
        Tensor b = Tensor.randn(random, 5).requiresGrad(true);
        assertThat(Tensor.linear(x3, w, b).dims()).containsExactly(2, 3, 5);
        assertGradients(in -> Tensor.linear(in[0], in[1], in[2]), x3, w, b);
        assertGradients(in -> Tensor.linear(in[0], in[1], in[2]), x1, w, b);
    }

    @Test
    void gradientsAccumulateOverTwoPassesAndIntoASharedWeight() {
        Tensor x = Tensor.randn(random, 3, 4);
        Tensor w = Tensor.randn(random, 4, 4).requiresGrad(true);
        Tensor b = Tensor.randn(random, 4).requiresGrad(true);
        // The same layer applied twice: dW collects both uses.
        assertGradients(in -> Tensor.linear(Tensor.linear(x, in[0], in[1]).relu(), in[0], in[1]), w, b);
        w.zeroGrad();
        b.zeroGrad();
        Tensor.linear(x, w, b).sum().backward();
        float[] once = w.grad().toArray();
        Tensor.linear(x, w, b).sum().backward();
        for (int i = 0; i < once.length; i++) {
            assertThat(w.grad().data()[i]).isEqualTo(2 * once[i]);
        }
        assertThat(b.grad().toArray()).containsExactly(6f, 6f, 6f, 6f);
    }

    @Test
    void linearReluIsLinearThenReluBitForBit() {
        Tensor x = Tensor.randn(random, 6, 9);
        Tensor w = Tensor.randn(random, 5, 9);
        Tensor b = Tensor.randn(random, 5);
        assertThat(Tensor.linearRelu(x, w, b).toArray()).isEqualTo(Tensor.linear(x, w, b).relu().toArray());
        assertThat(Tensor.linearRelu(x, w, null).toArray()).isEqualTo(Tensor.linear(x, w, null).relu().toArray());
    }

    @Test
    void linearReluGradients() {
        Tensor x = Tensor.randn(random, 5, 4).requiresGrad(true);
        Tensor w = Tensor.randn(random, 3, 4).requiresGrad(true);
        Tensor b = Tensor.randn(random, 3).requiresGrad(true);
        Tensor z = Tensor.linear(x, w, b);
        float nearest = Float.MAX_VALUE;
        int inactive = 0;
        for (float v : z.toArray()) {
            nearest = Math.min(nearest, Math.abs(v));
            inactive += v < 0 ? 1 : 0;
        }
        assertThat(nearest).as("pre-activations away from relu's kink").isGreaterThan(0.05f);
        assertThat(inactive).as("some units inactive").isPositive();
        assertGradients(in -> Tensor.linearRelu(in[0], in[1], in[2]), x, w, b);
        assertGradients(in -> Tensor.linearRelu(in[0], in[1], null), x, w);
    }

    @Test
    void noGraphWithoutGradients() {
        Tensor y = Tensor.linear(Tensor.randn(random, 2, 3), Tensor.randn(random, 4, 3), Tensor.randn(random, 4));
        assertThat(y.isLeaf()).isTrue();
        assertThat(y.requiresGrad()).isFalse();
    }

    @Test
    void emptyBatchGivesAnEmptyResultAndZeroGradients() {
        Tensor x = Tensor.zeros(0, 3).requiresGrad(true);
        Tensor w = Tensor.randn(random, 2, 3).requiresGrad(true);
        Tensor b = Tensor.randn(random, 2).requiresGrad(true);
        Tensor y = Tensor.linear(x, w, b);
        assertThat(y.dims()).containsExactly(0, 2);
        y.sum().backward();
        assertThat(w.grad().toArray()).containsOnly(0f);
        assertThat(b.grad().toArray()).containsOnly(0f);
    }

    @Test
    void mismatchedShapesNameTheOpAndAllShapes() {
        assertThatThrownBy(() -> Tensor.linear(Tensor.zeros(2, 3), Tensor.zeros(4, 5), Tensor.zeros(4)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("linear: input [2, 3], weight [4, 5], bias [4]");
        assertThatThrownBy(() -> Tensor.linear(Tensor.zeros(2, 3), Tensor.zeros(4, 3), Tensor.zeros(3)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("bias [3]");
    }
}
