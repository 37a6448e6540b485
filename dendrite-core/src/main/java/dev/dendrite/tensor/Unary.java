package dev.dendrite.tensor;

/** Running a unary elementwise kernel, or the kernel of its gradient, into a new tensor. */
final class Unary {

    private Unary() {
    }

    /** A kernel {@code out[i] = f(x[i])} for {@code i < n}. */
    @FunctionalInterface
    interface Kernel {
        void apply(float[] x, float[] out, int n);
    }

    /** A gradient kernel {@code out[i] = f'(saved[i]) * g[i]}, saved being the op's input or output. */
    @FunctionalInterface
    interface GradKernel {
        void apply(float[] saved, float[] g, float[] out, int n);
    }

    /** {@code kernel} applied to {@code x}, shaped like {@code x}; no recording. */
    static Tensor map(Tensor x, Kernel kernel) {
        float[] out = new float[x.size()];
        kernel.apply(x.data, out, out.length);
        return new Tensor(x.shape(), out);
    }

    /** The gradient {@code kernel} applied to the saved tensor and the upstream gradient, as a fresh gradient. */
    static Tensor grad(Tensor saved, Tensor g, GradKernel kernel) {
        float[] out = new float[saved.size()];
        kernel.apply(saved.data, g.data, out, out.length);
        return new Tensor(saved.shape(), out).fresh();
    }
}
