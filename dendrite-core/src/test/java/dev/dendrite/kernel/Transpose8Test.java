package dev.dendrite.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Transpose8Test {

    @Test
    void writesTheTransposeAndNothingElse() {
        int ld = 13;
        int width = 11;
        float[] x = new float[3 + 8 * ld];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        float[] dst = new float[5 + 8 * width];
        java.util.Arrays.fill(dst, -1f);
        Transpose8.block(x, 3, ld, dst, 5, width);
        for (int q = 0; q < 8; q++) {
            for (int c = 0; c < width; c++) {
                float expected = c < 8 ? x[3 + c * ld + q] : -1f;
                assertThat(dst[5 + q * width + c]).as("row %d column %d", q, c).isEqualTo(expected);
            }
        }
        for (int i = 0; i < 5; i++) {
            assertThat(dst[i]).isEqualTo(-1f);
        }
    }
}
