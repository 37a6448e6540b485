package dev.dendrite.tensor;

import dev.dendrite.kernel.Elementwise;

/**
 * NumPy broadcasting: walking operands of different shapes in step with an output shape, and
 * reducing a gradient back to the shape of an operand that was broadcast.
 */
final class Broadcast {

    private Broadcast() {
    }

    /** Receives one output row: the operands' offsets and steps (0 or 1) along it, the output offset and length. */
    @FunctionalInterface
    interface RowVisitor {
        void row(int[] offsets, int[] steps, int outOffset, int length);
    }

    /**
     * The strides of an operand of shape {@code shape} seen through output shape {@code out}: aligned
     * at the trailing axis, 0 along axes the operand does not have or has with size 1.
     */
    static int[] stridesIn(Shape shape, Shape out) {
        int[] own = shape.strides();
        int[] strides = new int[out.rank()];
        int shift = out.rank() - shape.rank();
        for (int i = 0; i < shape.rank(); i++) {
            strides[i + shift] = shape.dim(i) == 1 ? 0 : own[i];
        }
        return strides;
    }

    /**
     * Calls {@code visitor} once per row (last axis) of {@code out}, with each operand's offset for that
     * row and its step along it. Rows come in row-major order.
     */
    static void forEachRow(Shape out, int[][] operandStrides, RowVisitor visitor) {
        int rank = out.rank();
        int operands = operandStrides.length;
        int[] offsets = new int[operands];
        int[] steps = new int[operands];
        if (rank == 0) {
            visitor.row(offsets, steps, 0, 1);
            return;
        }
        int length = out.dim(rank - 1);
        if (length == 0 || out.size() == 0) {
            return;
        }
        for (int k = 0; k < operands; k++) {
            steps[k] = operandStrides[k][rank - 1];
        }
        int rows = out.size() / length;
        int[] counter = new int[rank - 1];
        for (int row = 0; row < rows; row++) {
            visitor.row(offsets, steps, row * length, length);
            for (int axis = rank - 2; axis >= 0; axis--) {
                counter[axis]++;
                for (int k = 0; k < operands; k++) {
                    offsets[k] += operandStrides[k][axis];
                }
                if (counter[axis] < out.dim(axis)) {
                    break;
                }
                for (int k = 0; k < operands; k++) {
                    offsets[k] -= operandStrides[k][axis] * counter[axis];
                }
                counter[axis] = 0;
            }
        }
    }

    /** {@code a op b} with broadcasting, through the SIMD row kernel of {@code op}; no recording. */
    static Tensor binary(String name, Tensor a, Tensor b, Elementwise.Op op) {
        Shape out = Shape.broadcast(name, a.shape(), b.shape());
        float[] result = new float[out.size()];
        if (a.shape().equals(b.shape())) {
            Elementwise.apply(op, a.data, 0, 1, b.data, 0, 1, result, 0, result.length);
        } else {
            forEachRow(out, new int[][] {stridesIn(a.shape(), out), stridesIn(b.shape(), out)},
                    (offsets, steps, outOffset, length) -> Elementwise.apply(op,
                            a.data, offsets[0], steps[0], b.data, offsets[1], steps[1], result, outOffset, length));
        }
        return new Tensor(out, result);
    }

    /**
     * The gradient of a broadcast operand: {@code grad} (shaped like the output) summed over the axes
     * along which an operand of shape {@code target} was stretched, then shaped as {@code target}:
     * {@code grad} itself when nothing was stretched, else a fresh gradient.
     */
    static Tensor sumTo(Tensor grad, Shape target) {
        if (grad.shape().equals(target)) {
            return grad;
        }
        int rank = grad.rank();
        int shift = rank - target.rank();
        int count = 0;
        int[] axes = new int[rank];
        for (int i = 0; i < rank; i++) {
            if (i < shift || (target.dim(i - shift) == 1 && grad.dim(i) != 1)) {
                axes[count++] = i;
            }
        }
        Tensor summed = ReduceOps.sumNoGrad(grad, java.util.Arrays.copyOf(axes, count), true);
        return new Tensor(target, summed.data).fresh();
    }

    /** {@code t} stretched to {@code target} (to which its shape broadcasts), as a new contiguous tensor; no recording. */
    static Tensor expand(Tensor t, Shape target) {
        if (t.shape().equals(target)) {
            return t;
        }
        Shape.broadcast("expand", t.shape(), target);
        float[] result = new float[target.size()];
        float[] source = t.data;
        forEachRow(target, new int[][] {stridesIn(t.shape(), target)}, (offsets, steps, outOffset, length) -> {
            if (steps[0] == 0) {
                java.util.Arrays.fill(result, outOffset, outOffset + length, source[offsets[0]]);
            } else {
                System.arraycopy(source, offsets[0], result, outOffset, length);
            }
        });
        return new Tensor(target, result);
    }
}
