package dev.dendrite.tensor;

import dev.dendrite.kernel.Reductions;

/** Reductions over all or some axes, with keepDim: sum, mean, max, min, var, argmax, argmin. */
final class ReduceOps {

    private ReduceOps() {
    }

    static Tensor sum(Tensor x, int[] axes, boolean keepDim) {
        int[] resolved = Axes.resolve("sum", x.shape(), axes);
        Tensor out = sumNoGrad(x, resolved, keepDim);
        Shape kept = Axes.reduced(x.shape(), resolved, true);
        return out.record("sum", grad -> x.accumulateGrad(Broadcast.expand(grad.reshape(kept.dims()), x.shape())), x);
    }

    static Tensor mean(Tensor x, int[] axes, boolean keepDim) {
        int[] resolved = Axes.resolve("mean", x.shape(), axes);
        int count = 1;
        for (int axis : resolved) {
            count *= x.dim(axis);
        }
        return sum(x, resolved, keepDim).mul(1f / count);
    }

    /**
     * The sum over the resolved, sorted {@code axes}, without recording. Each maximal run of adjacent
     * axes is one pass of the [outer, reduced, inner] kernel.
     */
    static Tensor sumNoGrad(Tensor x, int[] axes, boolean keepDim) {
        Shape shape = x.shape();
        float[] current = x.data;
        int[] dims = shape.dims();
        int end = axes.length;
        while (end > 0) {
            int start = end - 1;
            while (start > 0 && axes[start - 1] == axes[start] - 1) {
                start--;
            }
            int first = axes[start];
            int last = axes[end - 1];
            int outer = 1;
            int reduced = 1;
            int inner = 1;
            for (int i = 0; i < dims.length; i++) {
                if (i < first) {
                    outer *= dims[i];
                } else if (i <= last) {
                    reduced *= dims[i];
                } else {
                    inner *= dims[i];
                }
            }
            float[] next = new float[outer * inner];
            if (reduced > 0) {
                Reductions.sum(current, outer, reduced, inner, next);
            }
            current = next;
            for (int i = first; i <= last; i++) {
                dims[i] = 1;
            }
            end = start;
        }
        if (current == x.data) {
            current = current.clone();
        }
        return new Tensor(Axes.reduced(shape, axes, keepDim), current);
    }

    static Tensor max(Tensor x, int[] axes, boolean keepDim) {
        throw new UnsupportedOperationException("max: not yet implemented");
    }

    static Tensor min(Tensor x, int[] axes, boolean keepDim) {
        throw new UnsupportedOperationException("min: not yet implemented");
    }

    static Tensor var(Tensor x, int[] axes, boolean keepDim, int correction) {
        throw new UnsupportedOperationException("var: not yet implemented");
    }

    static Tensor argExtreme(Tensor x, int axis, boolean max) {
        throw new UnsupportedOperationException("argmax/argmin: not yet implemented");
    }
}
