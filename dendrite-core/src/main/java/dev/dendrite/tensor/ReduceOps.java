package dev.dendrite.tensor;

import dev.dendrite.kernel.Reductions;

/** Reductions over all or some axes, with keepDim: sum, mean, max, min, var, argmax, argmin. */
final class ReduceOps {

    private ReduceOps() {
    }

    /** One pass of a reduction kernel over the {@code [outer, reduced, inner]} view of {@code x}. */
    @FunctionalInterface
    private interface Kernel {
        void reduce(float[] x, int outer, int reduced, int inner, float[] out);
    }

    static Tensor sum(Tensor x, int[] axes, boolean keepDim) {
        int[] resolved = Axes.resolve("sum", x.shape(), axes);
        Tensor out = sumNoGrad(x, resolved, keepDim);
        Shape kept = Axes.reduced(x.shape(), resolved, true);
        return out.record("sum", grad -> {
            Tensor view = grad.reshape(kept.dims());
            Tensor expanded = Broadcast.expand(view, x.shape());
            x.accumulateGrad(expanded == view ? view : expanded.fresh());
        }, x);
    }

    static Tensor mean(Tensor x, int[] axes, boolean keepDim) {
        int[] resolved = Axes.resolve("mean", x.shape(), axes);
        return sum(x, resolved, keepDim).mul(1f / count(x.shape(), resolved));
    }

    /**
     * The sum over the resolved, sorted {@code axes}, without recording. Each maximal run of adjacent
     * axes is one pass of the [outer, reduced, inner] kernel.
     */
    static Tensor sumNoGrad(Tensor x, int[] axes, boolean keepDim) {
        return reduceNoGrad(x, axes, keepDim, Reductions::sum);
    }

    static Tensor max(Tensor x, int[] axes, boolean keepDim) {
        return extreme("max", x, axes, keepDim, Reductions::max);
    }

    static Tensor min(Tensor x, int[] axes, boolean keepDim) {
        return extreme("min", x, axes, keepDim, Reductions::min);
    }

    /**
     * {@code sum((x - mean)^2) / max(0, n - correction)} over {@code axes}, computed in two passes
     * (mean first) so large offsets do not cancel. A divisor of 0 gives inf or NaN, as in torch.
     */
    static Tensor var(Tensor x, int[] axes, boolean keepDim, int correction) {
        int[] resolved = Axes.resolve("var", x.shape(), axes);
        if (correction < 0) {
            throw new IllegalArgumentException("var: correction must be >= 0, got " + correction);
        }
        int n = count(x.shape(), resolved);
        Shape kept = Axes.reduced(x.shape(), resolved, true);
        float[] mean = sumNoGrad(x, resolved, true).data;
        float invN = 1f / n;
        for (int i = 0; i < mean.length; i++) {
            mean[i] *= invN;
        }
        float[] centered = Broadcast.expand(new Tensor(kept, mean), x.shape()).data;
        float[] squares = new float[centered.length];
        for (int i = 0; i < centered.length; i++) {
            centered[i] = x.data[i] - centered[i];
            squares[i] = centered[i] * centered[i];
        }
        float divisor = Math.max(0, n - correction);
        Tensor out = sumNoGrad(new Tensor(x.shape(), squares), resolved, keepDim);
        for (int i = 0; i < out.data.length; i++) {
            out.data[i] /= divisor;
        }
        return out.record("var", grad -> {
            // d var / d x_i = 2 (x_i - mean) / divisor; the mean's own dependence on x_i sums to zero.
            float[] g = Broadcast.expand(new Tensor(kept, grad.data), x.shape()).data;
            float[] result = new float[g.length];
            float scale = 2f / divisor;
            for (int i = 0; i < result.length; i++) {
                result[i] = g[i] * centered[i] * scale;
            }
            x.accumulateGrad(new Tensor(x.shape(), result).fresh());
        }, x);
    }

    static Tensor argExtreme(Tensor x, int axis, boolean max) {
        String op = max ? "argmax" : "argmin";
        if (x.rank() == 0) {
            throw new ShapeMismatchException(op + ": needs a tensor of rank >= 1, shape is " + x.shape());
        }
        int resolved = Axes.resolve(op, x.shape(), new int[] {axis})[0];
        int reduced = x.dim(resolved);
        if (reduced == 0) {
            throw new ShapeMismatchException(op + ": axis " + axis + " of shape " + x.shape() + " is empty");
        }
        Shape shape = x.shape().without(resolved);
        float[] out = new float[shape.size()];
        Reductions.argExtreme(x.data, x.shape().sizeOf(0, resolved), reduced,
                x.shape().sizeOf(resolved + 1, x.rank()), out, max);
        return new Tensor(shape, out);
    }

    /**
     * max or min: the gradient goes to the elements equal to the extreme of their group, split evenly
     * among ties (as torch.amax does), so it sums to the upstream gradient.
     */
    private static Tensor extreme(String op, Tensor x, int[] axes, boolean keepDim, Kernel kernel) {
        int[] resolved = Axes.resolve(op, x.shape(), axes);
        for (int axis : resolved) {
            if (x.dim(axis) == 0) {
                throw new ShapeMismatchException(op + ": cannot reduce the empty axis " + axis + " of shape " + x.shape());
            }
        }
        Tensor out = reduceNoGrad(x, resolved, keepDim, kernel);
        Shape kept = Axes.reduced(x.shape(), resolved, true);
        return out.record(op, grad -> {
            float[] extremes = Broadcast.expand(new Tensor(kept, out.data), x.shape()).data;
            float[] mask = new float[extremes.length];
            for (int i = 0; i < mask.length; i++) {
                float v = x.data[i];
                float e = extremes[i];
                mask[i] = v == e || (v != v && e != e) ? 1f : 0f;
            }
            float[] share = sumNoGrad(new Tensor(x.shape(), mask), resolved, true).data;
            for (int i = 0; i < share.length; i++) {
                share[i] = grad.data[i] / share[i];
            }
            float[] g = Broadcast.expand(new Tensor(kept, share), x.shape()).data;
            for (int i = 0; i < g.length; i++) {
                g[i] = mask[i] == 0f ? 0f : g[i];
            }
            x.accumulateGrad(new Tensor(x.shape(), g).fresh());
        }, x);
    }

    /**
     * {@code kernel} applied over the resolved, sorted {@code axes}, without recording: each maximal run
     * of adjacent axes is one pass over the [outer, reduced, inner] view. Fine for any reduction that
     * may be split into passes (sum, max, min).
     */
    private static Tensor reduceNoGrad(Tensor x, int[] axes, boolean keepDim, Kernel kernel) {
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
                kernel.reduce(current, outer, reduced, inner, next);
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

    private static int count(Shape shape, int[] resolvedAxes) {
        int count = 1;
        for (int axis : resolvedAxes) {
            count *= shape.dim(axis);
        }
        return count;
    }
}
