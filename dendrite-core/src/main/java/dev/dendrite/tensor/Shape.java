package dev.dendrite.tensor;

import java.util.Arrays;

/**
 * The dimensions of a tensor, outermost first (row-major). Immutable.
 *
 * <p>A shape of rank 0 ({@code []}) is a scalar with one element.
 */
public final class Shape {

    private final int[] dims;
    private final int size;

    private Shape(int[] dims) {
        long count = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(dims));
            }
            count *= d;
            if (count > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("shape " + Arrays.toString(dims)
                        + " has more elements than a Java array can hold");
            }
        }
        this.dims = dims;
        this.size = (int) count;
    }

    /** The shape with the given dimensions, outermost first. */
    public static Shape of(int... dims) {
        return new Shape(dims.clone());
    }

    /** The rank-0 shape of a scalar. */
    public static Shape scalar() {
        return new Shape(new int[0]);
    }

    /** The number of dimensions. */
    public int rank() {
        return dims.length;
    }

    /** The size of dimension {@code axis}; negative axes count from the end. */
    public int dim(int axis) {
        return dims[axis(axis)];
    }

    /** A copy of the dimensions. */
    public int[] dims() {
        return dims.clone();
    }

    /** The number of elements (the product of the dimensions). */
    public int size() {
        return size;
    }

    /** Row-major strides in elements: the step in the flat array for one step along each axis. */
    public int[] strides() {
        int[] strides = new int[dims.length];
        int stride = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= dims[i];
        }
        return strides;
    }

    /** The product of the dimensions in {@code [from, to)}. */
    public int sizeOf(int from, int to) {
        int count = 1;
        for (int i = from; i < to; i++) {
            count *= dims[i];
        }
        return count;
    }

    /** Resolves a possibly negative axis to {@code [0, rank)}, or fails naming the axis and the shape. */
    public int axis(int axis) {
        int resolved = axis < 0 ? axis + dims.length : axis;
        if (resolved < 0 || resolved >= dims.length) {
            throw new IllegalArgumentException("axis " + axis + " is out of range for shape " + this);
        }
        return resolved;
    }

    /**
     * The shape both operands broadcast to under NumPy's rules (align trailing axes; a size-1 axis
     * stretches), or an error naming {@code op} and both shapes.
     */
    public static Shape broadcast(String op, Shape a, Shape b) {
        if (a.equals(b)) {
            return a;
        }
        int rank = Math.max(a.rank(), b.rank());
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.rank() ? 1 : a.dims[i - (rank - a.rank())];
            int db = i < rank - b.rank() ? 1 : b.dims[i - (rank - b.rank())];
            if (da != db && da != 1 && db != 1) {
                throw new ShapeMismatchException(op + ": cannot broadcast " + a + " and " + b);
            }
            out[i] = da == 1 ? db : da;
        }
        return new Shape(out);
    }

    /** This shape with dimension {@code axis} replaced by {@code size}. */
    public Shape with(int axis, int size) {
        int[] copy = dims.clone();
        copy[axis(axis)] = size;
        return new Shape(copy);
    }

    /** This shape without dimension {@code axis}. */
    public Shape without(int axis) {
        int a = axis(axis);
        int[] copy = new int[dims.length - 1];
        System.arraycopy(dims, 0, copy, 0, a);
        System.arraycopy(dims, a + 1, copy, a, dims.length - a - 1);
        return new Shape(copy);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Shape shape && Arrays.equals(dims, shape.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** The dimensions as {@code [2, 3]}, the way error messages print them. */
    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
