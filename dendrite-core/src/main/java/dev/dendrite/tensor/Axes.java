package dev.dendrite.tensor;

import java.util.Arrays;

/** Resolving the axes an op works on: negative axes, duplicates, and the shapes a reduction leaves. */
final class Axes {

    private Axes() {
    }

    /** The axes resolved against {@code shape}, sorted, each once; fails naming {@code op} on an out-of-range axis. */
    static int[] resolve(String op, Shape shape, int[] axes) {
        boolean[] seen = new boolean[shape.rank()];
        for (int axis : axes) {
            int resolved = axis < 0 ? axis + shape.rank() : axis;
            if (resolved < 0 || resolved >= shape.rank()) {
                throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for shape " + shape);
            }
            seen[resolved] = true;
        }
        int[] result = new int[shape.rank()];
        int count = 0;
        for (int i = 0; i < seen.length; i++) {
            if (seen[i]) {
                result[count++] = i;
            }
        }
        return Arrays.copyOf(result, count);
    }

    /** The shape after reducing the (resolved) {@code axes}: removed, or kept with size 1 when {@code keepDim}. */
    static Shape reduced(Shape shape, int[] axes, boolean keepDim) {
        int[] dims = shape.dims();
        boolean[] reduce = new boolean[dims.length];
        for (int axis : axes) {
            reduce[axis] = true;
        }
        int[] out = new int[dims.length];
        int count = 0;
        for (int i = 0; i < dims.length; i++) {
            if (!reduce[i]) {
                out[count++] = dims[i];
            } else if (keepDim) {
                out[count++] = 1;
            }
        }
        return Shape.of(Arrays.copyOf(out, count));
    }
}
