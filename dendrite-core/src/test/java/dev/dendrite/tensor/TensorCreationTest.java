package dev.dendrite.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TensorCreationTest {

    @Test
    void ofBuildsOneToFourDimensionsRowMajorAndCopies() {
        float[] values = {1, 2, 3};
        Tensor vector = Tensor.of(values);
        values[0] = 99;
        assertThat(vector.dims()).containsExactly(3);
        assertThat(vector.toArray()).containsExactly(1, 2, 3);

        Tensor matrix = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(matrix.dims()).containsExactly(2, 3);
        assertThat(matrix.get(1, 0)).isEqualTo(4);
        assertThat(matrix.toArray()).containsExactly(1, 2, 3, 4, 5, 6);

        Tensor cube = Tensor.of(new float[][][] {{{1, 2}, {3, 4}, {5, 6}}, {{7, 8}, {9, 10}, {11, 12}}});
        assertThat(cube.dims()).containsExactly(2, 3, 2);
        assertThat(cube.get(1, 2, 0)).isEqualTo(11);

        Tensor four = Tensor.of(new float[][][][] {{{{1, 2, 3}}, {{4, 5, 6}}}});
        assertThat(four.dims()).containsExactly(1, 2, 1, 3);
        assertThat(four.get(0, 1, 0, 2)).isEqualTo(6);

        Tensor shaped = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
        assertThat(shaped.get(2, 1)).isEqualTo(6);
        float[] owned = {7, 8};
        Tensor wrapped = Tensor.wrap(owned, 2);
        owned[1] = 9;
        assertThat(wrapped.get(1)).as("wrap does not copy").isEqualTo(9);
        assertThat(Tensor.scalar(2.5f).rank()).isZero();
        assertThat(Tensor.scalar(2.5f).item()).isEqualTo(2.5f);
    }

    @Test
    void raggedArraysAndWrongSizesAreRejectedWithTheShape() {
        assertThatThrownBy(() -> Tensor.of(new float[][] {{1, 2}, {3}})).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("ragged").hasMessageContaining("length 1").hasMessageContaining("[2, 2]");
        assertThatThrownBy(() -> Tensor.of(new float[][][] {{{1, 2}}, {{1, 2}, {3, 4}}}))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("ragged").hasMessageContaining("depth 1");
        assertThatThrownBy(() -> Tensor.of(new float[][][][] {{{{1, 2}, {3, 4}}}, {{{1, 2}, {3}}}}))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("ragged").hasMessageContaining("depth 3");
        assertThatThrownBy(() -> Tensor.of(new float[][] {{1, 2}, null})).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("ragged").hasMessageContaining("null");
        assertThatThrownBy(() -> Tensor.of(new float[] {1, 2, 3}, 2, 2)).isInstanceOf(ShapeMismatchException.class)
                .hasMessage("tensor of shape [2, 2] needs 4 values, got 3");
        assertThatThrownBy(() -> Tensor.zeros(2, -1)).hasMessageContaining("negative dimension").hasMessageContaining("[2, -1]");
    }

    @Test
    void constantsRangesAndIdentity() {
        assertThat(Tensor.zeros(2, 3).toArray()).containsOnly(0f).hasSize(6);
        assertThat(Tensor.zeros(Shape.of(4)).dims()).containsExactly(4);
        assertThat(Tensor.ones(3).toArray()).containsExactly(1, 1, 1);
        assertThat(Tensor.full(-2.5f, 2, 2).toArray()).containsExactly(-2.5f, -2.5f, -2.5f, -2.5f);
        assertThat(Tensor.arange(4).toArray()).containsExactly(0, 1, 2, 3);
        assertThat(Tensor.arange(0).dims()).containsExactly(0);
        assertThat(Tensor.arange(1, 2, 0.25f).toArray()).containsExactly(1, 1.25f, 1.5f, 1.75f);
        assertThat(Tensor.arange(3, 0, -1).toArray()).containsExactly(3, 2, 1);
        assertThat(Tensor.arange(0, 1, 0.3f).size()).isEqualTo(4);
        assertThat(Tensor.arange(5, 1, 1).size()).isZero();
        assertThatThrownBy(() -> Tensor.arange(0, 1, 0)).hasMessage("arange: step must be non-zero, got 0.0");
        assertThat(Tensor.eye(3).toArray()).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1);
        assertThat(Tensor.eye(0).size()).isZero();
    }

    @Test
    void randomTensorsAreFixedByTheSeed() {
        assertThat(Tensor.randn(Tensor.generator(42), 50).toArray())
                .containsExactly(Tensor.randn(Tensor.generator(42), 50).toArray());
        assertThat(Tensor.randn(Tensor.generator(42), 50).toArray())
                .isNotEqualTo(Tensor.randn(Tensor.generator(43), 50).toArray());
        assertThat(Tensor.rand(Tensor.generator(7), 3, 4).toArray())
                .containsExactly(Tensor.rand(Tensor.generator(7), 3, 4).toArray());
        assertThat(Tensor.rand(Tensor.generator(7), 12).toArray())
                .isNotEqualTo(Tensor.rand(Tensor.generator(8), 12).toArray());
        assertThat(Tensor.uniform(Tensor.generator(1), -3, 3, 20).toArray())
                .containsExactly(Tensor.uniform(Tensor.generator(1), -3, 3, 20).toArray())
                .isNotEqualTo(Tensor.uniform(Tensor.generator(2), -3, 3, 20).toArray());
    }

    @Test
    void samplesHaveTheRequestedDistribution() {
        float[] normal = Tensor.randn(Tensor.generator(9), 10_000).toArray();
        // Standard error of the mean is 0.01 and of the std about 0.007: 0.05 is five of them.
        assertThat(mean(normal)).isCloseTo(0, within(0.05));
        assertThat(std(normal)).isCloseTo(1, within(0.05));
        float[] shifted = Tensor.normal(Tensor.generator(9), 5f, 2f, 10_000).toArray();
        assertThat(mean(shifted)).isCloseTo(5, within(0.1));
        assertThat(std(shifted)).isCloseTo(2, within(0.1));
        float[] unit = Tensor.rand(Tensor.generator(9), 10_000).toArray();
        assertThat(min(unit)).isGreaterThanOrEqualTo(0f);
        assertThat(max(unit)).isLessThan(1f);
        assertThat(mean(unit)).isCloseTo(0.5, within(0.02));
        float[] wide = Tensor.uniform(Tensor.generator(9), -4f, -2f, 10_000).toArray();
        assertThat(min(wide)).isGreaterThanOrEqualTo(-4f).isLessThan(-3.9f);
        assertThat(max(wide)).isLessThan(-2f).isGreaterThan(-2.1f);
        assertThat(mean(wide)).isCloseTo(-3, within(0.05));
        assertThat(std(wide)).isCloseTo(2 / Math.sqrt(12), within(0.02));
    }

    private static float min(float[] values) {
        return Tensor.of(values).min().item();
    }

    private static float max(float[] values) {
        return Tensor.of(values).max().item();
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double std(float[] values) {
        double mean = mean(values);
        double sum = 0;
        for (float v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }
}
