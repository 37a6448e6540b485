package dev.dendrite.data;

import java.util.Arrays;

/** A growable {@code float[]}. */
final class Floats {

    private float[] values = new float[4096];
    private int size;

    /** Appends one value. */
    void add(float value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(16, (int) Math.min(Integer.MAX_VALUE - 16, size * 2L)));
        }
        values[size++] = value;
    }

    /** Appends every value of {@code other}. */
    void addAll(Floats other) {
        if (size + other.size > values.length) {
            values = Arrays.copyOf(values, Math.max(size + other.size, (int) Math.min(Integer.MAX_VALUE - 16, size * 2L)));
        }
        System.arraycopy(other.values, 0, values, size, other.size);
        size += other.size;
    }

    /** The number of values. */
    int size() {
        return size;
    }

    /** The value at {@code index}. */
    float get(int index) {
        return values[index];
    }

    /** The values, trimmed to size. */
    float[] toArray() {
        return values.length == size ? values : Arrays.copyOf(values, size);
    }
}
