package dev.dendrite.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TensorFormatTest {

    @Test
    void scalarsAndVectorsPrintOnOneLine() {
        assertThat(Tensor.scalar(3.5f)).hasToString("tensor(3.5000)");
        assertThat(Tensor.scalar(-0.25f)).hasToString("tensor(-0.2500)");
        assertThat(Tensor.of(1, 2, 3)).hasToString("tensor([1.0000, 2.0000, 3.0000], shape=[3])");
        assertThat(Tensor.zeros(0, 3)).hasToString("tensor([], shape=[0, 3])");
    }

    @Test
    void matricesPrintOneRowPerLineWithAlignedValues() {
        assertThat(Tensor.of(new float[][] {{1, -2.5f}, {3, 40}})).hasToString("""
                tensor([[ 1.0000, -2.5000],
                        [ 3.0000, 40.0000]], shape=[2, 2])""");
    }

    @Test
    void higherRanksSeparateBlocksWithBlankLines() {
        assertThat(Tensor.arange(8).reshape(2, 2, 2)).hasToString("""
                tensor([[[0.0000, 1.0000],
                         [2.0000, 3.0000]],

                        [[4.0000, 5.0000],
                         [6.0000, 7.0000]]], shape=[2, 2, 2])""");
    }

    @Test
    void wideMagnitudesNonFiniteValuesAndLocaleAreHandled() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertThat(Tensor.of(1e-5f, 2f)).hasToString("tensor([1.0000e-05, 2.0000e+00], shape=[2])");
            assertThat(Tensor.of(Float.NaN, Float.NEGATIVE_INFINITY, -1.5f))
                    .hasToString("tensor([    nan,    -inf, -1.5000], shape=[3])");
            assertThat(Tensor.of(0f, 0f)).hasToString("tensor([0.0000, 0.0000], shape=[2])");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void autodiffStateIsShown() {
        Tensor leaf = Tensor.of(1f, 2f).requiresGrad(true);
        assertThat(leaf).hasToString("tensor([1.0000, 2.0000], shape=[2], requiresGrad=true)");
        assertThat(leaf.mul(2f)).hasToString("tensor([2.0000, 4.0000], shape=[2], gradFn=mul)");
        assertThat(leaf.sum()).hasToString("tensor(3.0000, gradFn=sum)");
    }

    @Test
    void largeTensorsAreAbridgedToTheirEdges() {
        // 1001 elements: just over the threshold; the row wraps at 80 characters.
        assertThat(Tensor.arange(1001)).hasToString("""
                tensor([   0.0000,    1.0000,    2.0000, ...,  998.0000,  999.0000,
                        1000.0000], shape=[1001])""");
        assertThat(Tensor.arange(1000).toString()).doesNotContain("...").contains(" 999.0000]");

        Tensor matrix = Tensor.arange(40 * 50).reshape(40, 50).mul(1e-3f).add(1f);
        String[] lines = matrix.toString().split("\n");
        assertThat(lines).hasSize(7);
        assertThat(lines[0]).isEqualTo("tensor([[1.0000, 1.0010, 1.0020, ..., 1.0470, 1.0480, 1.0490],");
        assertThat(lines[3]).isEqualTo("        ...,");
        assertThat(lines[6]).isEqualTo("        [2.9500, 2.9510, 2.9520, ..., 2.9970, 2.9980, 2.9990]], shape=[40, 50])");

        Tensor big = Tensor.zeros(10, 10, 10, 10);
        String text = big.toString();
        assertThat(text).hasSizeLessThan(7 * 7 * 7 * 7 * 10).endsWith("]]]], shape=[10, 10, 10, 10])");
        // 7 entries per axis (3, "...", 3). Newlines: 6 separators of 3 between the axis-0 blocks, 6 blocks
        // with 6 separators of 2, 36 blocks with 6 separators of 1; rows of 7 short values fit one line.
        assertThat(text.split("\n", -1)).hasSize(6 * 3 + 6 * 6 * 2 + 36 * 6 + 1);
    }
}
