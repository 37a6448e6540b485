package dev.dendrite.tensor;

import static dev.dendrite.autograd.GradAssert.assertGradients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ReduceOpsTest {

    private final RandomGenerator random = Tensor.generator(3);

    @Test
    void sumOverEveryAxisSetMatchesLoops() {
        Tensor x = Tensor.randn(random, 2, 3, 4);
        Tensor sum02 = x.sum(new int[] {0, 2}, false);
        assertThat(sum02.dims()).containsExactly(3);
        for (int j = 0; j < 3; j++) {
            double expected = 0;
            for (int i = 0; i < 2; i++) {
                for (int k = 0; k < 4; k++) {
                    expected += x.get(i, j, k);
                }
            }
            assertThat(sum02.get(j)).isCloseTo((float) expected, within(1e-5f));
        }
        assertThat(x.sum(new int[] {-1}, true).dims()).containsExactly(2, 3, 1);
        assertThat(x.sum().rank()).isZero();
        assertThat(x.sum().item()).isCloseTo(sum02.sum().item(), within(1e-5f));
        assertThat(x.mean(1).get(1, 2)).isCloseTo((x.get(1, 0, 2) + x.get(1, 1, 2) + x.get(1, 2, 2)) / 3, within(1e-6f));
    }

    @Test
    void sumAndMeanGradients() {
        Tensor x = Tensor.randn(random, 3, 4, 5).requiresGrad(true);
        assertGradients(in -> in[0].sum(), x);
        assertGradients(in -> in[0].sum(new int[] {1}, false), x);
        assertGradients(in -> in[0].sum(new int[] {0, 2}, true), x);
        assertGradients(in -> in[0].mean(new int[] {2, 0}, false), x);
        assertGradients(in -> in[0].mean(), x);
    }
}
