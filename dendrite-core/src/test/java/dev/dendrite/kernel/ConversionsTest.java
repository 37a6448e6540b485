package dev.dendrite.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConversionsTest {

    @Test
    void everyByteValueAtAnyOffsetAndLengthGivesTheScalarQuotient() {
        byte[] src = new byte[300];
        for (int i = 0; i < src.length; i++) {
            src[i] = (byte) (i * 7 + 3);
        }
        for (int n : new int[] {0, 1, 7, 8, 9, 17, 256, 290}) {
            for (int srcOffset : new int[] {0, 3}) {
                float[] dst = new float[n + 5];
                Conversions.unsignedBytesToFloats(src, srcOffset, 255f, dst, 2, n);
                for (int i = 0; i < n; i++) {
                    float expected = (src[srcOffset + i] & 0xFF) / 255f;
                    assertThat(Float.floatToRawIntBits(dst[2 + i])).as("n %d, element %d", n, i)
                            .isEqualTo(Float.floatToRawIntBits(expected));
                }
                assertThat(dst[0]).isZero();
                assertThat(dst[n + 2]).isZero();
            }
        }
        float[] all = new float[256];
        byte[] values = new byte[256];
        for (int v = 0; v < 256; v++) {
            values[v] = (byte) v;
        }
        Conversions.unsignedBytesToFloats(values, 0, 255f, all, 0, 256);
        assertThat(all[0]).isZero();
        assertThat(all[255]).isEqualTo(1f);
        assertThat(all[128]).isEqualTo(128 / 255f);
    }
}
