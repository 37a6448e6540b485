package dev.dendrite.tensor;

import java.util.Arrays;

/** Movement ops: reshape, flatten, transpose, permute, squeeze, unsqueeze, narrow, concat, stack. */
final class ShapeOps {

    private ShapeOps() {
    }

    static Tensor reshape(Tensor x, int... dims) {
        int[] resolved = dims.clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < resolved.length; i++) {
            if (resolved[i] == -1) {
                if (inferred >= 0) {
                    throw new ShapeMismatchException("reshape: only one dimension may be -1, got " + Arrays.toString(dims));
                }
                inferred = i;
            } else if (resolved[i] < 0) {
                throw new ShapeMismatchException("reshape: negative dimension " + resolved[i] + " in "
                        + Arrays.toString(dims) + " (only -1, inferred, is allowed) for shape " + x.shape());
            } else {
                known *= resolved[i];
            }
        }
        if (inferred >= 0) {
            if (known == 0 || x.size() % known != 0) {
                throw new ShapeMismatchException("reshape: cannot reshape " + x.shape() + " to " + Arrays.toString(dims));
            }
            resolved[inferred] = (int) (x.size() / known);
        }
        Shape shape = Shape.of(resolved);
        if (shape.size() != x.size()) {
            throw new ShapeMismatchException("reshape: cannot reshape " + x.shape() + " (" + x.size()
                    + " elements) to " + shape + " (" + shape.size() + " elements)");
        }
        return view(x, shape, "reshape");
    }

    static Tensor flatten(Tensor x, int startAxis) {
        if (x.rank() == 0) {
            return reshape(x, 1);
        }
        int start = resolveAxis("flatten", startAxis, x.rank(), x.shape());
        int[] dims = new int[start + 1];
        for (int i = 0; i < start; i++) {
            dims[i] = x.dim(i);
        }
        dims[start] = x.shape().sizeOf(start, x.rank());
        return reshape(x, dims);
    }

    static Tensor transpose(Tensor x, int a, int b) {
        int[] order = new int[x.rank()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int ra = resolveAxis("transpose", a, x.rank(), x.shape());
        int rb = resolveAxis("transpose", b, x.rank(), x.shape());
        order[ra] = rb;
        order[rb] = ra;
        return permute(x, order);
    }

    static Tensor permute(Tensor x, int[] order) {
        int rank = x.rank();
        if (order.length != rank) {
            throw new ShapeMismatchException("permute: order " + Arrays.toString(order) + " for shape " + x.shape());
        }
        int[] resolved = new int[rank];
        int[] inverse = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            int axis = order[i] < 0 ? order[i] + rank : order[i];
            if (axis < 0 || axis >= rank || seen[axis]) {
                throw new ShapeMismatchException("permute: order " + Arrays.toString(order)
                        + " is not a permutation of the axes of " + x.shape());
            }
            seen[axis] = true;
            resolved[i] = axis;
            inverse[axis] = i;
        }
        int[] dims = new int[rank];
        int[] sourceStrides = new int[rank];
        int[] strides = x.shape().strides();
        for (int i = 0; i < rank; i++) {
            dims[i] = x.dim(resolved[i]);
            sourceStrides[i] = strides[resolved[i]];
        }
        Shape shape = Shape.of(dims);
        float[] source = x.data;
        float[] result = new float[shape.size()];
        Broadcast.forEachRow(shape, new int[][] {sourceStrides}, (offsets, steps, outOffset, length) -> {
            int from = offsets[0];
            int step = steps[0];
            for (int i = 0; i < length; i++) {
                result[outOffset + i] = source[from + i * step];
            }
        });
        return new Tensor(shape, result).record("permute", grad -> x.accumulateGrad(permute(grad, inverse).fresh()), x);
    }

    /** All size-1 axes removed; shares the data. */
    static Tensor squeeze(Tensor x) {
        int[] dims = Arrays.stream(x.dims()).filter(d -> d != 1).toArray();
        return view(x, Shape.of(dims), "squeeze");
    }

    /** Axis {@code axis} removed, which must have size 1; shares the data. */
    static Tensor squeeze(Tensor x, int axis) {
        int resolved = resolveAxis("squeeze", axis, x.rank(), x.shape());
        if (x.dim(resolved) != 1) {
            throw new ShapeMismatchException("squeeze: axis " + axis + " of shape " + x.shape() + " has size "
                    + x.dim(resolved) + ", not 1");
        }
        return view(x, x.shape().without(resolved), "squeeze");
    }

    /** A size-1 axis inserted at {@code axis} of the result (so -1 appends one); shares the data. */
    static Tensor unsqueeze(Tensor x, int axis) {
        int resolved = resolveAxis("unsqueeze", axis, x.rank() + 1, x.shape());
        return view(x, Shape.of(insert(x.dims(), resolved, 1)), "unsqueeze");
    }

    /** A copy of {@code [start, start + length)} along {@code axis}; the gradient lands in that slot of zeros. */
    static Tensor narrow(Tensor x, int axis, int start, int length) {
        int a = resolveAxis("narrow", axis, x.rank(), x.shape());
        int dim = x.dim(a);
        if (start < 0 || length < 0 || (long) start + length > dim) {
            throw new IllegalArgumentException("narrow: [" + start + ", " + ((long) start + length) + ") along axis "
                    + axis + " is outside [0, " + dim + ") of shape " + x.shape());
        }
        int outer = x.shape().sizeOf(0, a);
        int inner = x.shape().sizeOf(a + 1, x.rank());
        Tensor out = Tensor.zeros(x.shape().with(a, length));
        copyBlocks(x.data, dim * inner, start * inner, out.data, length * inner, 0, length * inner, outer);
        return out.record("narrow", grad -> {
            Tensor g = Tensor.zeros(x.shape());
            copyBlocks(grad.data, length * inner, 0, g.data, dim * inner, start * inner, length * inner, outer);
            x.accumulateGrad(g.fresh());
        }, x);
    }

    /** The tensors joined along existing axis {@code axis}; the gradient is split back into their parts. */
    static Tensor concat(int axis, Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("concat: needs at least one tensor");
        }
        Shape first = tensors[0].shape();
        if (first.rank() == 0) {
            throw new ShapeMismatchException("concat: cannot join scalars (shape []); use stack");
        }
        int a = resolveAxis("concat", axis, first.rank(), first);
        int total = 0;
        for (Tensor t : tensors) {
            Shape s = t.shape();
            if (s.rank() != first.rank() || !s.with(a, 1).equals(first.with(a, 1))) {
                throw new ShapeMismatchException("concat: shapes must agree except along axis " + axis + ", got "
                        + shapes(tensors));
            }
            total += s.dim(a);
        }
        return join("concat", tensors, first.with(a, total), a);
    }

    /** The tensors, all of one shape, stacked along a new axis {@code axis} of the result. */
    static Tensor stack(int axis, Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("stack: needs at least one tensor");
        }
        Shape first = tensors[0].shape();
        for (Tensor t : tensors) {
            if (!t.shape().equals(first)) {
                throw new ShapeMismatchException("stack: all tensors must have one shape, got " + shapes(tensors));
            }
        }
        int a = resolveAxis("stack", axis, first.rank() + 1, first);
        return join("stack", tensors, Shape.of(insert(first.dims(), a, tensors.length)), a);
    }

    /**
     * The tensors laid side by side along axis {@code a} of {@code shape}: each contributes a block of
     * {@code size / outer} values per outer index. Serves concat, and stack (a new axis of size 1 each).
     */
    private static Tensor join(String op, Tensor[] tensors, Shape shape, int a) {
        Tensor[] inputs = tensors.clone();
        int outer = shape.sizeOf(0, a);
        int rowLength = outer == 0 ? 0 : shape.size() / outer;
        int[] offsets = new int[inputs.length];
        int offset = 0;
        for (int k = 0; k < inputs.length; k++) {
            offsets[k] = offset;
            offset += outer == 0 ? 0 : inputs[k].size() / outer;
        }
        Tensor out = Tensor.zeros(shape);
        for (int k = 0; k < inputs.length; k++) {
            int block = outer == 0 ? 0 : inputs[k].size() / outer;
            copyBlocks(inputs[k].data, block, 0, out.data, rowLength, offsets[k], block, outer);
        }
        return out.record(op, grad -> {
            for (int k = 0; k < inputs.length; k++) {
                if (inputs[k].requiresGrad()) {
                    Tensor g = Tensor.zeros(inputs[k].shape());
                    int block = outer == 0 ? 0 : g.size() / outer;
                    copyBlocks(grad.data, rowLength, offsets[k], g.data, block, 0, block, outer);
                    inputs[k].accumulateGrad(g.fresh());
                }
            }
        }, inputs);
    }

    /**
     * For each of {@code rows} rows, copies {@code length} values from {@code source} (row stride
     * {@code sourceRow}, starting at {@code sourceOff} in the row) to {@code target} (likewise).
     */
    private static void copyBlocks(float[] source, int sourceRow, int sourceOff,
                                   float[] target, int targetRow, int targetOff, int length, int rows) {
        if (length == 0) {
            return;
        }
        for (int r = 0; r < rows; r++) {
            System.arraycopy(source, r * sourceRow + sourceOff, target, r * targetRow + targetOff, length);
        }
    }

    /** {@code x}'s data seen in {@code shape} (same size), recorded as {@code op}. */
    private static Tensor view(Tensor x, Shape shape, String op) {
        Shape original = x.shape();
        return new Tensor(shape, x.data).record(op, grad -> x.accumulateGrad(new Tensor(original, grad.data)), x);
    }

    /** {@code axis} resolved against {@code rank} (negative counts from the end), or an error naming op and shape. */
    private static int resolveAxis(String op, int axis, int rank, Shape shape) {
        int resolved = axis < 0 ? axis + rank : axis;
        if (resolved < 0 || resolved >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for shape " + shape
                    + (rank == shape.rank() ? "" : " (the result has rank " + rank + ")"));
        }
        return resolved;
    }

    private static int[] insert(int[] dims, int at, int value) {
        int[] result = new int[dims.length + 1];
        System.arraycopy(dims, 0, result, 0, at);
        result[at] = value;
        System.arraycopy(dims, at, result, at + 1, dims.length - at);
        return result;
    }

    private static String shapes(Tensor[] tensors) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < tensors.length; i++) {
            text.append(i == 0 ? "" : ", ").append(tensors[i].shape());
        }
        return text.toString();
    }
}
