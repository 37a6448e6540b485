package dev.dendrite.tensor;

/** Building tensors from nested Java arrays and ranges, with a clear error for ragged input. */
final class TensorFactory {

    private TensorFactory() {
    }

    static Tensor fromNested(Object nested) {
        int[] dims = dimsOf(nested);
        Shape shape = Shape.of(dims);
        float[] data = new float[shape.size()];
        int[] position = {0};
        copy(nested, dims, 0, data, position);
        return new Tensor(shape, data);
    }

    private static int[] dimsOf(Object nested) {
        java.util.List<Integer> dims = new java.util.ArrayList<>();
        Object level = nested;
        while (level instanceof Object[] array) {
            dims.add(array.length);
            level = array.length == 0 ? null : array[0];
        }
        if (level instanceof float[] row) {
            dims.add(row.length);
        } else if (level == null && !dims.isEmpty()) {
            dims.add(0);
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void copy(Object level, int[] dims, int depth, float[] data, int[] position) {
        if (level instanceof float[] row) {
            if (row.length != dims[depth]) {
                throw new ShapeMismatchException("ragged array: a row of length " + row.length + " at depth " + depth
                        + " where " + dims[depth] + " was expected (shape " + java.util.Arrays.toString(dims) + ")");
            }
            System.arraycopy(row, 0, data, position[0], row.length);
            position[0] += row.length;
            return;
        }
        Object[] array = (Object[]) level;
        if (array == null || array.length != dims[depth]) {
            throw new ShapeMismatchException("ragged array: " + (array == null ? "null" : array.length + " elements")
                    + " at depth " + depth + " where " + dims[depth] + " were expected");
        }
        for (Object child : array) {
            copy(child, dims, depth + 1, data, position);
        }
    }

    static Tensor arange(float start, float end, float step) {
        if (step == 0 || Float.isNaN(step)) {
            throw new IllegalArgumentException("arange: step must be non-zero, got " + step);
        }
        int n = Math.max(0, (int) Math.ceil((end - start) / step));
        float[] data = new float[n];
        for (int i = 0; i < n; i++) {
            data[i] = start + i * step;
        }
        return new Tensor(Shape.of(n), data);
    }
}
