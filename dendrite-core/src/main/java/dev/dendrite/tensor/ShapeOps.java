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
        Shape original = x.shape();
        return new Tensor(shape, x.data).record("reshape",
                grad -> x.accumulateGrad(new Tensor(original, grad.data)), x);
    }

    static Tensor flatten(Tensor x, int startAxis) {
        int start = x.shape().axis(startAxis);
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
        int ra = x.shape().axis(a);
        int rb = x.shape().axis(b);
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
        return new Tensor(shape, result).record("permute", grad -> x.accumulateGrad(permute(grad, inverse)), x);
    }

    static Tensor squeeze(Tensor x) {
        throw new UnsupportedOperationException("squeeze: not yet implemented");
    }

    static Tensor squeeze(Tensor x, int axis) {
        throw new UnsupportedOperationException("squeeze: not yet implemented");
    }

    static Tensor unsqueeze(Tensor x, int axis) {
        throw new UnsupportedOperationException("unsqueeze: not yet implemented");
    }

    static Tensor narrow(Tensor x, int axis, int start, int length) {
        throw new UnsupportedOperationException("narrow: not yet implemented");
    }

    static Tensor concat(int axis, Tensor... tensors) {
        throw new UnsupportedOperationException("concat: not yet implemented");
    }

    static Tensor stack(int axis, Tensor... tensors) {
        throw new UnsupportedOperationException("stack: not yet implemented");
    }
}
