package dev.dendrite.tensor;

import java.util.Arrays;

/** Selecting by integer indices: indexSelect, gather, oneHot. */
final class IndexOps {

    private IndexOps() {
    }

    /**
     * The slices at {@code indices} along {@code axis}, viewed as {@code [outer, dim, inner]}; the
     * backward pass adds each output slice's gradient into the slice it came from (repeats add up).
     */
    static Tensor indexSelect(Tensor x, int axis, int[] indices) {
        if (x.rank() == 0) {
            throw new ShapeMismatchException("indexSelect: needs a tensor of rank >= 1, shape is " + x.shape());
        }
        int a = Axes.resolve("indexSelect", x.shape(), new int[] {axis})[0];
        int dim = x.dim(a);
        int[] picked = indices.clone();
        for (int k = 0; k < picked.length; k++) {
            if (picked[k] < 0 || picked[k] >= dim) {
                throw new IndexOutOfBoundsException("indexSelect: index " + picked[k] + " at position " + k
                        + " is out of range for axis " + axis + " of size " + dim + " (shape " + x.shape() + ")");
            }
        }
        int outer = x.shape().sizeOf(0, a);
        int inner = x.shape().sizeOf(a + 1, x.rank());
        Tensor out = Tensor.zeros(x.shape().with(a, picked.length));
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < picked.length; k++) {
                System.arraycopy(x.data, (o * dim + picked[k]) * inner, out.data, (o * picked.length + k) * inner, inner);
            }
        }
        return out.record("indexSelect", grad -> {
            float[] g = new float[x.size()];
            for (int o = 0; o < outer; o++) {
                for (int k = 0; k < picked.length; k++) {
                    int from = (o * picked.length + k) * inner;
                    int to = (o * dim + picked[k]) * inner;
                    for (int i = 0; i < inner; i++) {
                        g[to + i] += grad.data[from + i];
                    }
                }
            }
            x.accumulateGrad(new Tensor(x.shape(), g).fresh());
        }, x);
    }

    /**
     * torch.gather: {@code out[p] = x[p with coordinate axis replaced by index[p]]} for every position
     * {@code p} of {@code index}, which has x's rank and no dimension larger than x's off {@code axis}.
     * The flat source of each output element is kept for the backward scatter-add.
     */
    static Tensor gather(Tensor x, int axis, Tensor index) {
        if (index.rank() != x.rank()) {
            throw new ShapeMismatchException("gather: index of shape " + index.shape() + " must have the rank of the input "
                    + x.shape());
        }
        int rank = x.rank();
        int a = rank == 0 ? 0 : Axes.resolve("gather", x.shape(), new int[] {axis})[0];
        if (rank == 0 && axis != 0 && axis != -1) {
            throw new IllegalArgumentException("gather: axis " + axis + " is out of range for shape " + x.shape());
        }
        for (int d = 0; d < rank; d++) {
            if (d != a && index.dim(d) > x.dim(d)) {
                throw new ShapeMismatchException("gather: index of shape " + index.shape() + " is larger than the input "
                        + x.shape() + " along axis " + d);
            }
        }
        int[] strides = x.shape().strides();
        int[] indexDims = index.dims();
        int dim = rank == 0 ? 1 : x.dim(a);
        int[] sources = new int[index.size()];
        int[] position = new int[rank];
        for (int p = 0; p < sources.length; p++) {
            float value = index.data[p];
            boolean integral = value == Math.rint(value);
            if (!integral || value < 0 || value >= dim) {
                String shown = integral && !Float.isInfinite(value) ? String.valueOf((long) value) : String.valueOf(value);
                throw new IndexOutOfBoundsException("gather: index " + shown + " at position " + Arrays.toString(position)
                        + " is " + (integral ? "out of range" : "not an integer") + " for axis " + axis + " of size "
                        + dim + " (input shape " + x.shape() + ")");
            }
            int i = (int) value;
            int source = 0;
            for (int d = 0; d < rank; d++) {
                source += (d == a ? i : position[d]) * strides[d];
            }
            sources[p] = source;
            for (int d = rank - 1; d >= 0 && ++position[d] == indexDims[d]; d--) {
                position[d] = 0;
            }
        }
        float[] out = new float[sources.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = x.data[sources[p]];
        }
        return new Tensor(index.shape(), out).record("gather", grad -> {
            float[] g = new float[x.size()];
            for (int p = 0; p < sources.length; p++) {
                g[sources[p]] += grad.data[p];
            }
            x.accumulateGrad(new Tensor(x.shape(), g).fresh());
        }, x);
    }

    /** Rows {@code [n, classes]} with a 1 at each label's column. */
    static Tensor oneHot(int[] labels, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("oneHot: classes must be >= 1, got " + classes);
        }
        Tensor out = Tensor.zeros(labels.length, classes);
        for (int n = 0; n < labels.length; n++) {
            int label = labels[n];
            if (label < 0 || label >= classes) {
                throw new IndexOutOfBoundsException("oneHot: label " + label + " at position " + n
                        + " is out of range for " + classes + " classes");
            }
            out.data[n * classes + label] = 1f;
        }
        return out;
    }
}
