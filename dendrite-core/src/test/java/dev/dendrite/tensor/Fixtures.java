package dev.dendrite.tensor;

import java.util.random.RandomGenerator;

/** Test helpers: random shapes, random axes, tie-free inputs and coordinates of flat indices. */
final class Fixtures {

    private Fixtures() {
    }

    /** A random shape of rank {@code minRank..maxRank} with dimensions 1..4. */
    static int[] randomDims(RandomGenerator random, int minRank, int maxRank) {
        int[] dims = new int[random.nextInt(minRank, maxRank + 1)];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = random.nextInt(1, 5);
        }
        return dims;
    }

    /** A random non-empty subset of the axes of a rank-{@code rank} tensor, each written positive or negative at random. */
    static int[] randomAxes(RandomGenerator random, int rank) {
        int[] picked = new int[rank];
        int count = 0;
        while (count == 0) {
            for (int axis = 0; axis < rank; axis++) {
                if (random.nextBoolean()) {
                    picked[count++] = random.nextBoolean() ? axis : axis - rank;
                }
            }
        }
        return java.util.Arrays.copyOf(picked, count);
    }

    /**
     * A tensor whose values are distinct and at least 0.1 apart (a shuffled ramp around 0), so max and
     * min have no ties and finite differences with step 1e-2 never cross one.
     */
    static Tensor distinct(RandomGenerator random, int... dims) {
        Tensor t = Tensor.zeros(dims);
        float[] data = t.data();
        for (int i = 0; i < data.length; i++) {
            data[i] = (i - data.length / 2f) * 0.1f;
        }
        for (int i = data.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float swap = data[i];
            data[i] = data[j];
            data[j] = swap;
        }
        return t;
    }

    /** The coordinates of row-major position {@code flat} in {@code dims}. */
    static int[] coordinates(int[] dims, int flat) {
        int[] index = new int[dims.length];
        for (int axis = dims.length - 1; axis >= 0; axis--) {
            index[axis] = flat % dims[axis];
            flat /= dims[axis];
        }
        return index;
    }

    /** The row-major position of {@code index} in {@code dims}. */
    static int flat(int[] dims, int[] index) {
        int flat = 0;
        for (int axis = 0; axis < dims.length; axis++) {
            flat = flat * dims[axis] + index[axis];
        }
        return flat;
    }
}
