package dev.dendrite.kernel;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** SIMD conversion of unsigned bytes (image pixels) to floats. */
public final class ByteConversions {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Integer> SI = IntVector.SPECIES_PREFERRED;
    /** Bytes loaded per step: at least L (8 on AVX2, 16 on AVX-512); the first L are converted. */
    private static final VectorSpecies<Byte> BYTES = L <= 8 ? ByteVector.SPECIES_64 : ByteVector.SPECIES_128;

    private ByteConversions() {
    }

    /**
     * {@code dst[dstOff + i] = (src[srcOff + i] & 0xFF) / divisor} for {@code i < n}: bytes read as
     * unsigned 0..255, divided (not multiplied by a reciprocal), so each value is the correctly
     * rounded quotient, as the scalar expression gives it.
     */
    public static void unsignedDivided(byte[] src, int srcOff, float divisor, float[] dst, int dstOff, int n) {
        FloatVector d = FloatVector.broadcast(S, divisor);
        int i = 0;
        for (int bound = n - BYTES.length(); i <= bound; i += L) {
            // L bytes widened to L ints (zero-extended), then converted to L floats.
            IntVector ints = (IntVector) ByteVector.fromArray(BYTES, src, srcOff + i)
                    .convertShape(VectorOperators.ZERO_EXTEND_B2I, SI, 0);
            ((FloatVector) ints.convertShape(VectorOperators.I2F, S, 0)).div(d).intoArray(dst, dstOff + i);
        }
        for (; i < n; i++) {
            dst[dstOff + i] = (src[srcOff + i] & 0xFF) / divisor;
        }
    }
}
