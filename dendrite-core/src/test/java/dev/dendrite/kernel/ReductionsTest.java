package dev.dendrite.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

class ReductionsTest {

    @Test
    void sumGivesTheSameBitsColdAndAfterJitCompilation() {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(1);
        int rows = 512;
        int cols = 300;
        float[] x = new float[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) Math.abs(random.nextGaussian());
        }
        // The first passes run interpreted, later ones JIT-compiled: any lane order left to the JIT shows here.
        float[] first = new float[rows];
        Reductions.sum(x, rows, cols, 1, first);
        float[] again = new float[rows];
        for (int pass = 0; pass < 300; pass++) {
            Reductions.sum(x, rows, cols, 1, again);
            assertThat(again).as("pass " + pass).containsExactly(first);
        }
    }

    @Test
    void sumRunAddsEveryElementOnce() {
        for (int n = 0; n <= 70; n++) {
            float[] x = new float[n + 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = 1 << (i % 20);
            }
            double expected = 0;
            for (int i = 1; i <= n; i++) {
                expected += x[i];
            }
            assertThat(Reductions.sumRun(x, 1, n)).as("n=" + n).isEqualTo((float) expected);
        }
    }
}
