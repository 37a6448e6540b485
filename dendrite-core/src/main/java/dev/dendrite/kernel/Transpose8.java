package dev.dendrite.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * An 8 x 8 float transpose in registers with 256-bit vectors: three rounds of swapping 1, 2 and 4
 * element blocks between pairs of rows, each output a lane permutation of one row blended with
 * another. Used by GEMM's transposing pack in place of 64 scalar loads and stores.
 */
final class Transpose8 {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;

    /** Whether the preferred species is 256 bits wide, the only width this transpose is written for. */
    static final boolean USABLE = FloatVector.SPECIES_PREFERRED.length() == 8;

    // Round d (block size 1, 2, 4): the low row of a pair keeps its own blocks at even block
    // positions and takes the high row's even blocks (moved up by d) into the odd ones; the high row
    // takes the low row's odd blocks (moved down by d) into the even positions and keeps its own odd
    // blocks.
    private static final VectorShuffle<Float> UP1 = VectorShuffle.fromValues(S, 0, 0, 2, 2, 4, 4, 6, 6);
    private static final VectorShuffle<Float> DOWN1 = VectorShuffle.fromValues(S, 1, 1, 3, 3, 5, 5, 7, 7);
    private static final VectorMask<Float> ODD1 = VectorMask.fromValues(S, false, true, false, true, false, true, false, true);
    private static final VectorShuffle<Float> UP2 = VectorShuffle.fromValues(S, 0, 1, 0, 1, 4, 5, 4, 5);
    private static final VectorShuffle<Float> DOWN2 = VectorShuffle.fromValues(S, 2, 3, 2, 3, 6, 7, 6, 7);
    private static final VectorMask<Float> ODD2 = VectorMask.fromValues(S, false, false, true, true, false, false, true, true);
    private static final VectorShuffle<Float> UP4 = VectorShuffle.fromValues(S, 0, 1, 2, 3, 0, 1, 2, 3);
    private static final VectorShuffle<Float> DOWN4 = VectorShuffle.fromValues(S, 4, 5, 6, 7, 4, 5, 6, 7);
    private static final VectorMask<Float> ODD4 = VectorMask.fromValues(S, false, false, false, false, true, true, true, true);

    private Transpose8() {
    }


    /**
     * Reads the 8 x 8 block x[src + l*ld + q] (l, q < 8) and writes its transpose to
     * dst[at + q*width + l]; width >= 8, and nothing else is written.
     */
    static void block(float[] x, int src, int ld, float[] dst, int at, int width) {
        FloatVector v0 = FloatVector.fromArray(S, x, src);
        FloatVector v1 = FloatVector.fromArray(S, x, src + ld);
        FloatVector v2 = FloatVector.fromArray(S, x, src + 2 * ld);
        FloatVector v3 = FloatVector.fromArray(S, x, src + 3 * ld);
        FloatVector v4 = FloatVector.fromArray(S, x, src + 4 * ld);
        FloatVector v5 = FloatVector.fromArray(S, x, src + 5 * ld);
        FloatVector v6 = FloatVector.fromArray(S, x, src + 6 * ld);
        FloatVector v7 = FloatVector.fromArray(S, x, src + 7 * ld);

        FloatVector u0 = v0.blend(v1.rearrange(UP1), ODD1);
        FloatVector u1 = v0.rearrange(DOWN1).blend(v1, ODD1);
        FloatVector u2 = v2.blend(v3.rearrange(UP1), ODD1);
        FloatVector u3 = v2.rearrange(DOWN1).blend(v3, ODD1);
        FloatVector u4 = v4.blend(v5.rearrange(UP1), ODD1);
        FloatVector u5 = v4.rearrange(DOWN1).blend(v5, ODD1);
        FloatVector u6 = v6.blend(v7.rearrange(UP1), ODD1);
        FloatVector u7 = v6.rearrange(DOWN1).blend(v7, ODD1);

        FloatVector w0 = u0.blend(u2.rearrange(UP2), ODD2);
        FloatVector w2 = u0.rearrange(DOWN2).blend(u2, ODD2);
        FloatVector w1 = u1.blend(u3.rearrange(UP2), ODD2);
        FloatVector w3 = u1.rearrange(DOWN2).blend(u3, ODD2);
        FloatVector w4 = u4.blend(u6.rearrange(UP2), ODD2);
        FloatVector w6 = u4.rearrange(DOWN2).blend(u6, ODD2);
        FloatVector w5 = u5.blend(u7.rearrange(UP2), ODD2);
        FloatVector w7 = u5.rearrange(DOWN2).blend(u7, ODD2);

        w0.blend(w4.rearrange(UP4), ODD4).intoArray(dst, at);
        w1.blend(w5.rearrange(UP4), ODD4).intoArray(dst, at + width);
        w2.blend(w6.rearrange(UP4), ODD4).intoArray(dst, at + 2 * width);
        w3.blend(w7.rearrange(UP4), ODD4).intoArray(dst, at + 3 * width);
        w0.rearrange(DOWN4).blend(w4, ODD4).intoArray(dst, at + 4 * width);
        w1.rearrange(DOWN4).blend(w5, ODD4).intoArray(dst, at + 5 * width);
        w2.rearrange(DOWN4).blend(w6, ODD4).intoArray(dst, at + 6 * width);
        w3.rearrange(DOWN4).blend(w7, ODD4).intoArray(dst, at + 7 * width);
    }
}
