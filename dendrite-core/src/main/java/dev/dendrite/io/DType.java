package dev.dendrite.io;

import java.nio.ByteBuffer;

/**
 * The element types of safetensors files that Dendrite reads, each converted to float32 on load.
 * Dendrite itself writes {@link #F32} only; the others come from PyTorch models saved in half or double
 * precision.
 */
public enum DType {
    /** IEEE 754 single precision, Dendrite's own type. */
    F32(4),
    /** IEEE 754 half precision. */
    F16(2),
    /** bfloat16: the upper half of a float32. */
    BF16(2),
    /** IEEE 754 double precision, rounded to the nearest float32. */
    F64(8);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** The size of one element in bytes. */
    public int bytes() {
        return bytes;
    }

    /** Reads {@code count} little-endian elements from {@code source} into {@code destination} from {@code offset}. */
    void decode(ByteBuffer source, float[] destination, int offset, int count) {
        switch (this) {
            case F32 -> source.asFloatBuffer().get(destination, offset, count);
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    destination[offset + i] = Float.float16ToFloat(source.getShort(source.position() + 2 * i));
                }
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    destination[offset + i] = Float.intBitsToFloat((source.getShort(source.position() + 2 * i) & 0xFFFF) << 16);
                }
            }
            case F64 -> {
                for (int i = 0; i < count; i++) {
                    destination[offset + i] = (float) source.getDouble(source.position() + 8 * i);
                }
            }
        }
        source.position(source.position() + count * bytes);
    }
}
