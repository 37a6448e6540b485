package dev.dendrite.train.metric;

import java.util.Arrays;

/** A growing list of float scores, kept as a primitive array. */
final class Scores {

    private float[] values = new float[64];
    private int size;

    void add(float value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, 2 * size);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    /** The scores so far, sorted ascending (a copy). */
    float[] sorted() {
        float[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }
}
