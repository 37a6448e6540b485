package dev.dendrite.data;

import dev.dendrite.tensor.Tensor;
import java.util.Arrays;

/**
 * The contents of one IDX file: its dimensions, outermost first (the first counts the records), its
 * element type code ({@code 0x08} unsigned byte ... {@code 0x0E} double) and the values as floats.
 */
public record IdxArray(int[] dims, int type, float[] values) {

    /** The number of records (the first dimension). */
    public int records() {
        return dims[0];
    }

    /** The values as a tensor of the file's dimensions (no copy). */
    public Tensor toTensor() {
        return Tensor.wrap(values, dims);
    }

    @Override
    public String toString() {
        return "IdxArray[type 0x" + Integer.toHexString(type) + ", dims " + Arrays.toString(dims) + "]";
    }
}
