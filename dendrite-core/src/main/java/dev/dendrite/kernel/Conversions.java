package dev.dendrite.kernel;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Converting stored data to float32 as batches are gathered: unsigned bytes (image pixels) to scaled floats. */
public final class Conversions {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_64;

    private Conversions() {
    }

    /**
     * {@code dst[dstOffset + i] = (src[srcOffset + i] & 0xFF) / divisor} for {@code i < n}: each byte read
     * as 0..255 and divided in float32, so the result is exactly the scalar {@code v / divisor}.
     */
    public static void unsignedBytesToFloats(byte[] src, int srcOffset, float divisor, float[] dst, int dstOffset,
                                             int n) {
        int i = 0;
        if (FloatVector.SPECIES_PREFERRED.length() >= F.length()) {
            for (; i <= n - F.length(); i += F.length()) {
                FloatVector bytes = (FloatVector) ByteVector.fromArray(B, src, srcOffset + i)
                        .convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0)
                        .convert(VectorOperators.I2F, 0);
                bytes.div(divisor).intoArray(dst, dstOffset + i);
            }
        }
        for (; i < n; i++) {
            dst[dstOffset + i] = (src[srcOffset + i] & 0xFF) / divisor;
        }
    }
}
