package dev.dendrite.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteConversionsTest {

    @Test
    void everyByteValueAtEveryOffsetAndLengthMatchesTheScalarQuotient() {
        byte[] src = new byte[300];
        for (int i = 0; i < src.length; i++) {
            src[i] = (byte) (i * 7 + 3); // every value 0..255, 128..255 read as unsigned
        }
        for (int offset : new int[] {0, 1, 5, 17}) {
            for (int n : new int[] {0, 1, 7, 8, 9, 16, 31, 255, 283}) {
                float[] dst = new float[n + 3];
                java.util.Arrays.fill(dst, -1f);
                ByteConversions.unsignedDivided(src, offset, 255f, dst, 2, n);
                for (int i = 0; i < n; i++) {
                    float expected = (src[offset + i] & 0xFF) / 255f;
                    assertThat(Float.floatToIntBits(dst[2 + i])).as("offset %d n %d i %d", offset, n, i)
                            .isEqualTo(Float.floatToIntBits(expected));
                }
                assertThat(dst[0]).isEqualTo(-1f);
                assertThat(dst[1]).isEqualTo(-1f);
                assertThat(dst[n + 2]).as("nothing written past n").isEqualTo(-1f);
            }
        }
    }

    @Test
    void unsignedRangeEndsAreZeroAndOne() {
        float[] dst = new float[16];
        byte[] src = new byte[16];
        src[3] = (byte) 255;
        src[12] = (byte) 128;
        ByteConversions.unsignedDivided(src, 0, 255f, dst, 0, 16);
        assertThat(dst[0]).isZero();
        assertThat(dst[3]).isEqualTo(1f);
        assertThat(dst[12]).isEqualTo(128f / 255f);
    }
}
