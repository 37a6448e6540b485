package dev.dendrite.tensor;

import static dev.dendrite.autograd.GradAssert.assertGradients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class LinalgOpsTest {

    private final RandomGenerator random = Tensor.generator(11);

    /** Reference product in double of 2-D row-major operands. */
    private static float[] reference(Tensor a, Tensor b, boolean ta, boolean tb) {
        int m = ta ? a.dim(1) : a.dim(0);
        int k = ta ? a.dim(0) : a.dim(1);
        int n = tb ? b.dim(0) : b.dim(1);
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += (double) (ta ? a.get(p, i) : a.get(i, p)) * (tb ? b.get(j, p) : b.get(p, j));
                }
                c[i * n + j] = (float) sum;
            }
        }
        return c;
    }

    @Test
    void matmulWithEveryTransposeComboMatchesReferenceAndGradients() {
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                Tensor a = Tensor.randn(random, ta ? new int[] {5, 3} : new int[] {3, 5}).requiresGrad(true);
                Tensor b = Tensor.randn(random, tb ? new int[] {4, 5} : new int[] {5, 4}).requiresGrad(true);
                Tensor c = Tensor.matmul(a, b, ta, tb);
                assertThat(c.dims()).containsExactly(3, 4);
                float[] expected = reference(a, b, ta, tb);
                for (int i = 0; i < expected.length; i++) {
                    assertThat(c.data()[i]).isCloseTo(expected[i], within(1e-5f));
                }
                assertGradients(in -> Tensor.matmul(in[0], in[1], ta, tb), a, b);
            }
        }
    }

    @Test
    void batchedMatmulGradients() {
        Tensor a = Tensor.randn(random, 2, 3, 4).requiresGrad(true);
        Tensor b = Tensor.randn(random, 2, 4, 5).requiresGrad(true);
        Tensor w = Tensor.randn(random, 4, 5).requiresGrad(true);
        Tensor wt = Tensor.randn(random, 5, 4).requiresGrad(true);
        assertThat(a.matmul(b).dims()).containsExactly(2, 3, 5);
        assertGradients(in -> in[0].matmul(in[1]), a, b);
        assertGradients(in -> in[0].matmul(in[1]), a, w);
        assertGradients(in -> Tensor.matmul(in[0], in[1], false, true), a, wt);
        Tensor at = Tensor.randn(random, 2, 4, 3).requiresGrad(true);
        assertGradients(in -> Tensor.matmul(in[0], in[1], true, false), at, b);
        assertGradients(in -> Tensor.matmul(in[0], in[1], true, true), at, Tensor.randn(random, 2, 5, 4).requiresGrad(true));
        assertGradients(in -> Tensor.matmul(in[0], in[1], true, false), at, w);
    }

    @Test
    void batchedItemsEqualTheirOwnProducts() {
        Tensor a = Tensor.randn(random, 3, 2, 4);
        Tensor b = Tensor.randn(random, 3, 4, 6);
        Tensor c = a.matmul(b);
        for (int i = 0; i < 3; i++) {
            Tensor ai = Tensor.of(java.util.Arrays.copyOfRange(a.data(), i * 8, i * 8 + 8), 2, 4);
            Tensor bi = Tensor.of(java.util.Arrays.copyOfRange(b.data(), i * 24, i * 24 + 24), 4, 6);
            float[] expected = reference(ai, bi, false, false);
            for (int j = 0; j < expected.length; j++) {
                assertThat(c.data()[i * 12 + j]).isCloseTo(expected[j], within(1e-5f));
            }
        }
    }

    @Test
    void mismatchNamesBothShapes() {
        assertThatThrownBy(() -> Tensor.zeros(128, 783).matmul(Tensor.zeros(784, 256)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("matmul: [128, 783] x [784, 256]");
        assertThatThrownBy(() -> Tensor.zeros(3).matmul(Tensor.zeros(3, 2)))
                .hasMessageContaining("matmul: [3] x [3, 2]");
    }
}
