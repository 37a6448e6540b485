package dev.dendrite.tensor;

import dev.dendrite.autograd.Backprop;
import dev.dendrite.autograd.Backward;
import dev.dendrite.autograd.GradMode;
import dev.dendrite.autograd.Node;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * An N-dimensional array of float32 values, stored row-major in one contiguous {@code float[]},
 * with reverse-mode automatic differentiation.
 *
 * <p>Ops return new tensors and never change their operands (methods ending in {@code InPlace} are
 * the exception, for optimizers). When an operand {@link #requiresGrad() requires gradients} and
 * recording is on (outside {@link dev.dendrite.autograd.NoGrad}), the result remembers how it was
 * made, and {@link #backward()} fills the {@link #grad()} of every tensor it came from.
 *
 * <p>Binary elementwise ops broadcast like NumPy: trailing axes are aligned and a size-1 axis
 * stretches. Axes may be negative, counting from the end.
 */
public final class Tensor {

    private static final String DEFAULT_GENERATOR = "L64X128MixRandom";

    final float[] data;
    private final Shape shape;
    private boolean requiresGrad;
    private Tensor grad;
    /** Whether {@link #grad()} has handed the current gradient out; such a gradient is never reused. */
    private boolean gradHandedOut;
    /** The array of a leaf's gradient that {@link #zeroGrad()} dropped unseen, kept for its next gradient. */
    private float[] spareGrad;
    private Node gradFn;
    /**
     * Set on a gradient a backward rule has just made into a new array that nothing else references:
     * the first {@link #accumulateGrad} to receive it keeps it instead of copying it (and clears this).
     */
    private boolean fresh;

    Tensor(Shape shape, float[] data) {
        if (data.length != shape.size()) {
            throw new ShapeMismatchException("tensor of shape " + shape + " needs " + shape.size()
                    + " values, got " + data.length);
        }
        this.shape = shape;
        this.data = data;
    }

    // ---------------------------------------------------------------- creation

    /** A tensor of the given shape that takes ownership of {@code data} (no copy); {@code data.length} must match. */
    public static Tensor wrap(float[] data, int... dims) {
        return new Tensor(Shape.of(dims), data);
    }

    /** A tensor of the given shape holding a copy of {@code data}. */
    public static Tensor of(float[] data, int... dims) {
        return new Tensor(Shape.of(dims), data.clone());
    }

    /** A 1-D tensor of the given values. */
    public static Tensor of(float... values) {
        return new Tensor(Shape.of(values.length), values.clone());
    }

    /** A 2-D tensor {@code [rows, cols]} from a rectangular array. */
    public static Tensor of(float[][] rows) {
        return TensorFactory.fromNested(rows);
    }

    /** A 3-D tensor from a rectangular array. */
    public static Tensor of(float[][][] values) {
        return TensorFactory.fromNested(values);
    }

    /** A 4-D tensor from a rectangular array. */
    public static Tensor of(float[][][][] values) {
        return TensorFactory.fromNested(values);
    }

    /** A rank-0 tensor holding one value. */
    public static Tensor scalar(float value) {
        return new Tensor(Shape.scalar(), new float[] {value});
    }

    /** A tensor of zeros. */
    public static Tensor zeros(int... dims) {
        Shape shape = Shape.of(dims);
        return new Tensor(shape, new float[shape.size()]);
    }

    /** A tensor of zeros of the given shape. */
    public static Tensor zeros(Shape shape) {
        return new Tensor(shape, new float[shape.size()]);
    }

    /** A tensor of ones. */
    public static Tensor ones(int... dims) {
        return full(1f, dims);
    }

    /** A tensor with every element {@code value}. */
    public static Tensor full(float value, int... dims) {
        Shape shape = Shape.of(dims);
        float[] data = new float[shape.size()];
        Arrays.fill(data, value);
        return new Tensor(shape, data);
    }

    /** A 1-D tensor {@code [0, 1, ..., n-1]}. */
    public static Tensor arange(int n) {
        return arange(0, n, 1);
    }

    /** A 1-D tensor of {@code start, start+step, ...} up to but excluding {@code end}. */
    public static Tensor arange(float start, float end, float step) {
        return TensorFactory.arange(start, end, step);
    }

    /** The {@code n x n} identity matrix. */
    public static Tensor eye(int n) {
        Tensor eye = zeros(n, n);
        for (int i = 0; i < n; i++) {
            eye.data[i * n + i] = 1f;
        }
        return eye;
    }

    /** A new random generator for {@code seed}; the same seed gives the same numbers on every machine. */
    public static RandomGenerator generator(long seed) {
        return RandomGeneratorFactory.of(DEFAULT_GENERATOR).create(seed);
    }

    /** Samples from the standard normal distribution N(0, 1). */
    public static Tensor randn(RandomGenerator random, int... dims) {
        return normal(random, 0f, 1f, dims);
    }

    /** Samples from N(mean, std^2). */
    public static Tensor normal(RandomGenerator random, float mean, float std, int... dims) {
        Shape shape = Shape.of(dims);
        float[] data = new float[shape.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (mean + std * random.nextGaussian());
        }
        return new Tensor(shape, data);
    }

    /** Samples uniformly from {@code [0, 1)}. */
    public static Tensor rand(RandomGenerator random, int... dims) {
        return uniform(random, 0f, 1f, dims);
    }

    /** Samples uniformly from {@code [low, high)}. */
    public static Tensor uniform(RandomGenerator random, float low, float high, int... dims) {
        Shape shape = Shape.of(dims);
        float[] data = new float[shape.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = low + (high - low) * random.nextFloat();
        }
        return new Tensor(shape, data);
    }

    /** Rows of one-hot vectors {@code [n, classes]} for class indices {@code labels} (n of them). */
    public static Tensor oneHot(int[] labels, int classes) {
        return IndexOps.oneHot(labels, classes);
    }

    // ---------------------------------------------------------------- inspection

    /** The shape. */
    public Shape shape() {
        return shape;
    }

    /** The dimensions, outermost first. */
    public int[] dims() {
        return shape.dims();
    }

    /** The size of dimension {@code axis} (negative counts from the end). */
    public int dim(int axis) {
        return shape.dim(axis);
    }

    /** The number of dimensions. */
    public int rank() {
        return shape.rank();
    }

    /** The number of elements. */
    public int size() {
        return shape.size();
    }

    /** The element at the given index (one coordinate per dimension). */
    public float get(int... index) {
        return data[flatIndex(index)];
    }

    /** Sets the element at the given index; for building inputs, not for tensors in a recorded graph. */
    public void set(float value, int... index) {
        data[flatIndex(index)] = value;
    }

    /** The single value of a one-element tensor (a loss, say). */
    public float item() {
        if (data.length != 1) {
            throw new IllegalStateException("item() needs a tensor with one element, shape is " + shape);
        }
        return data[0];
    }

    /** A copy of the values, row-major. */
    public float[] toArray() {
        return data.clone();
    }

    /**
     * The backing array itself, row-major, for kernels and file writers. Writing to it changes the
     * tensor behind autodiff's back: only do so on tensors outside any graph.
     */
    public float[] data() {
        return data;
    }

    private int flatIndex(int[] index) {
        if (index.length != shape.rank()) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " has " + index.length
                    + " coordinates, tensor of shape " + shape + " needs " + shape.rank());
        }
        int flat = 0;
        for (int i = 0; i < index.length; i++) {
            int dim = shape.dim(i);
            if (index[i] < 0 || index[i] >= dim) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index)
                        + " is outside shape " + shape);
            }
            flat = flat * dim + index[i];
        }
        return flat;
    }

    // ---------------------------------------------------------------- autodiff

    /** Whether gradients flow to this tensor (set on parameters and inputs; inherited by results of ops). */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Marks this tensor as a leaf whose gradient {@link #backward()} fills; returns {@code this}. */
    public Tensor requiresGrad(boolean requires) {
        if (gradFn != null && !requires) {
            throw new IllegalStateException("cannot turn gradients off on the result of '" + gradFn.op()
                    + "'; use detach()");
        }
        this.requiresGrad = requires;
        return this;
    }

    /**
     * The accumulated gradient of the last backward passes, shaped like this tensor, or null if none.
     * The tensor returned keeps its values after {@link #zeroGrad()}.
     */
    public Tensor grad() {
        if (grad != null) {
            gradHandedOut = true;
        }
        return grad;
    }

    /**
     * The accumulated gradient's values, row-major, or null if there is none: for optimizers, which read
     * (or clip) them during one step and keep no reference. Unlike {@link #grad()} this only lends the
     * array: after {@link #zeroGrad()} it is reused for this tensor's next gradient.
     */
    public float[] gradData() {
        return grad == null ? null : grad.data;
    }

    /**
     * Adds {@code gradient} (shaped like this tensor) to {@link #grad()}: what backward rules call. The
     * first gradient is copied, unless it was made for this call ({@link Fused#gradient}), in which case
     * it becomes {@link #grad()} itself; {@code gradient} is never changed and never shared.
     */
    public void accumulateGrad(Tensor gradient) {
        if (!gradient.shape.equals(shape)) {
            throw new ShapeMismatchException("gradient of shape " + gradient.shape + " for a tensor of shape "
                    + shape + (gradFn == null ? "" : " made by '" + gradFn.op() + "'"));
        }
        if (grad == null) {
            if (gradient.fresh && gradient != this) {
                gradient.fresh = false;
                grad = gradient;
            } else {
                float[] copy = takeSpareGrad();
                System.arraycopy(gradient.data, 0, copy, 0, copy.length);
                grad = new Tensor(shape, copy);
            }
            gradHandedOut = false;
        } else {
            dev.dendrite.kernel.Elementwise.addInPlace(grad.data, gradient.data, data.length);
        }
    }

    /**
     * Marks this tensor, just made by a backward rule into a new array nothing else references, as a
     * gradient the receiving {@link #accumulateGrad} may keep without copying; returns {@code this}.
     */
    Tensor fresh() {
        fresh = true;
        return this;
    }

    /**
     * An array for this tensor's next gradient, which a backward rule fills completely and hands to
     * {@link #accumulateGrad} as fresh: the array of the gradient {@link #zeroGrad()} last dropped if
     * nobody else saw it (a leaf's, such as a parameter's), else a new one.
     */
    float[] takeSpareGrad() {
        float[] spare = spareGrad;
        spareGrad = null;
        return spare != null ? spare : new float[data.length];
    }

    /**
     * Forgets the accumulated gradient (optimizers call this before each backward pass). A leaf keeps
     * the array of a gradient that {@link #grad()} never handed out, to hold its next gradient.
     */
    public void zeroGrad() {
        if (grad != null && !gradHandedOut && gradFn == null) {
            spareGrad = grad.data;
        }
        grad = null;
        gradHandedOut = false;
    }

    /** The node that made this tensor, or null for a leaf. */
    public Node gradFn() {
        return gradFn;
    }

    /** True for a tensor not made by a recorded op (parameters, inputs, constants). */
    public boolean isLeaf() {
        return gradFn == null;
    }

    /** Backpropagates from this one-element tensor (a loss): fills {@code grad()} of everything it came from. */
    public void backward() {
        if (data.length != 1) {
            throw new IllegalStateException("backward() without a gradient needs a one-element tensor, shape is "
                    + shape + "; pass the upstream gradient with backward(gradient)");
        }
        Backprop.backward(this, Tensor.ones(shape.dims()).fresh());
    }

    /** Backpropagates from this tensor with the given upstream gradient (shaped like this tensor). */
    public void backward(Tensor gradient) {
        Backprop.backward(this, gradient);
    }

    /** The same values as a new leaf that does not require gradients (shares the data). */
    public Tensor detach() {
        return new Tensor(shape, data);
    }

    /** A copy of the values as a new leaf (not requiring gradients). */
    public Tensor copy() {
        return new Tensor(shape, data.clone());
    }

    /**
     * Records, when gradients are on and an input requires them, that this tensor was made by
     * {@code op} from {@code inputs}, with the rule that pushes its gradient back; returns {@code this}.
     */
    Tensor record(String op, Backward backward, Tensor... inputs) {
        if (!GradMode.isEnabled()) {
            return this;
        }
        for (Tensor input : inputs) {
            if (input.requiresGrad) {
                this.requiresGrad = true;
                this.gradFn = new Node(op, backward, inputs);
                return this;
            }
        }
        return this;
    }

    // ---------------------------------------------------------------- in place (optimizers, no autodiff)

    /** {@code this += alpha * other} elementwise (same shape), without recording; returns {@code this}. */
    public Tensor addInPlace(Tensor other, float alpha) {
        InPlaceOps.axpy(this, other, alpha);
        return this;
    }

    /** {@code this *= factor} elementwise, without recording; returns {@code this}. */
    public Tensor mulInPlace(float factor) {
        InPlaceOps.scale(this, factor);
        return this;
    }

    /** Overwrites the values with those of {@code other} (same shape), without recording; returns {@code this}. */
    public Tensor copyFrom(Tensor other) {
        InPlaceOps.copy(this, other);
        return this;
    }

    /** Sets every element to {@code value}, without recording; returns {@code this}. */
    public Tensor fill(float value) {
        Arrays.fill(data, value);
        return this;
    }

    // ---------------------------------------------------------------- arithmetic (broadcasting)

    /** {@code this + other}, broadcasting. */
    public Tensor add(Tensor other) {
        return ArithmeticOps.add(this, other);
    }

    /** {@code this + value}. */
    public Tensor add(float value) {
        return ArithmeticOps.add(this, value);
    }

    /** {@code this - other}, broadcasting. */
    public Tensor sub(Tensor other) {
        return ArithmeticOps.sub(this, other);
    }

    /** {@code this - value}. */
    public Tensor sub(float value) {
        return ArithmeticOps.add(this, -value);
    }

    /** {@code this * other} elementwise, broadcasting. */
    public Tensor mul(Tensor other) {
        return ArithmeticOps.mul(this, other);
    }

    /** {@code this * value}. */
    public Tensor mul(float value) {
        return ArithmeticOps.mul(this, value);
    }

    /** {@code this / other} elementwise, broadcasting. */
    public Tensor div(Tensor other) {
        return ArithmeticOps.div(this, other);
    }

    /** {@code this / value}. */
    public Tensor div(float value) {
        return ArithmeticOps.mul(this, 1f / value);
    }

    /** {@code -this}. */
    public Tensor neg() {
        return ArithmeticOps.mul(this, -1f);
    }

    /** {@code this ^ exponent} elementwise. */
    public Tensor pow(float exponent) {
        return ArithmeticOps.pow(this, exponent);
    }

    /** {@code this ^ exponent} elementwise, broadcasting (the base must be positive where the exponent is not an integer). */
    public Tensor pow(Tensor exponent) {
        return ArithmeticOps.pow(this, exponent);
    }

    /** The larger of the two at each position, broadcasting (gradient to the larger; split evenly on ties). */
    public Tensor maximum(Tensor other) {
        return ArithmeticOps.maximum(this, other);
    }

    /** The smaller of the two at each position, broadcasting (gradient to the smaller; split evenly on ties). */
    public Tensor minimum(Tensor other) {
        return ArithmeticOps.minimum(this, other);
    }

    /** Each element limited to {@code [min, max]} (gradient 1 inside, 0 where clamped). */
    public Tensor clamp(float min, float max) {
        return ArithmeticOps.clamp(this, min, max);
    }

    // ---------------------------------------------------------------- elementwise math

    /** {@code e^x} elementwise. */
    public Tensor exp() {
        return MathOps.exp(this);
    }

    /** Natural logarithm elementwise. */
    public Tensor log() {
        return MathOps.log(this);
    }

    /** Square root elementwise. */
    public Tensor sqrt() {
        return MathOps.sqrt(this);
    }

    /** Absolute value elementwise (gradient sign(x), 0 at 0). */
    public Tensor abs() {
        return MathOps.abs(this);
    }

    // ---------------------------------------------------------------- comparisons (0/1 masks, not differentiable)

    /** 1 where {@code this == other}, else 0; broadcasting. */
    public Tensor eq(Tensor other) {
        return CompareOps.compare(this, other, CompareOps.Comparison.EQ);
    }

    /** 1 where {@code this != other}, else 0; broadcasting. */
    public Tensor ne(Tensor other) {
        return CompareOps.compare(this, other, CompareOps.Comparison.NE);
    }

    /** 1 where {@code this > other}, else 0; broadcasting. */
    public Tensor gt(Tensor other) {
        return CompareOps.compare(this, other, CompareOps.Comparison.GT);
    }

    /** 1 where {@code this >= other}, else 0; broadcasting. */
    public Tensor ge(Tensor other) {
        return CompareOps.compare(this, other, CompareOps.Comparison.GE);
    }

    /** 1 where {@code this < other}, else 0; broadcasting. */
    public Tensor lt(Tensor other) {
        return CompareOps.compare(this, other, CompareOps.Comparison.LT);
    }

    /** 1 where {@code this <= other}, else 0; broadcasting. */
    public Tensor le(Tensor other) {
        return CompareOps.compare(this, other, CompareOps.Comparison.LE);
    }

    /** 1 where {@code this > value}, else 0. */
    public Tensor gt(float value) {
        return CompareOps.compare(this, scalar(value), CompareOps.Comparison.GT);
    }

    /** 1 where {@code this < value}, else 0. */
    public Tensor lt(float value) {
        return CompareOps.compare(this, scalar(value), CompareOps.Comparison.LT);
    }

    /** 1 where {@code this == value}, else 0. */
    public Tensor eq(float value) {
        return CompareOps.compare(this, scalar(value), CompareOps.Comparison.EQ);
    }

    /**
     * {@code ifTrue} where {@code condition} is non-zero, else {@code ifFalse}; all three broadcast.
     * Differentiable in both branches (the condition gets no gradient).
     */
    public static Tensor where(Tensor condition, Tensor ifTrue, Tensor ifFalse) {
        return CompareOps.where(condition, ifTrue, ifFalse);
    }

    // ---------------------------------------------------------------- reductions

    /** The sum of all elements, as a scalar tensor. */
    public Tensor sum() {
        return ReduceOps.sum(this, allAxes(), false);
    }

    /** The sum along {@code axis}, which is removed. */
    public Tensor sum(int axis) {
        return ReduceOps.sum(this, new int[] {axis}, false);
    }

    /** The sum along {@code axes}, kept as size 1 when {@code keepDim}. */
    public Tensor sum(int[] axes, boolean keepDim) {
        return ReduceOps.sum(this, axes, keepDim);
    }

    /** The mean of all elements, as a scalar tensor. */
    public Tensor mean() {
        return ReduceOps.mean(this, allAxes(), false);
    }

    /** The mean along {@code axis}, which is removed. */
    public Tensor mean(int axis) {
        return ReduceOps.mean(this, new int[] {axis}, false);
    }

    /** The mean along {@code axes}, kept as size 1 when {@code keepDim}. */
    public Tensor mean(int[] axes, boolean keepDim) {
        return ReduceOps.mean(this, axes, keepDim);
    }

    /** The largest element, as a scalar tensor (gradient to the maxima, split evenly on ties). */
    public Tensor max() {
        return ReduceOps.max(this, allAxes(), false);
    }

    /** The largest element along {@code axes}, kept as size 1 when {@code keepDim}. */
    public Tensor max(int[] axes, boolean keepDim) {
        return ReduceOps.max(this, axes, keepDim);
    }

    /** The smallest element, as a scalar tensor. */
    public Tensor min() {
        return ReduceOps.min(this, allAxes(), false);
    }

    /** The smallest element along {@code axes}, kept as size 1 when {@code keepDim}. */
    public Tensor min(int[] axes, boolean keepDim) {
        return ReduceOps.min(this, axes, keepDim);
    }

    /** The unbiased variance (divisor n-1, as torch.var) of all elements. */
    public Tensor var() {
        return ReduceOps.var(this, allAxes(), false, 1);
    }

    /** The variance along {@code axes} with divisor {@code n - correction} (1: unbiased, 0: population). */
    public Tensor var(int[] axes, boolean keepDim, int correction) {
        return ReduceOps.var(this, axes, keepDim, correction);
    }

    /** Indices of the largest values along {@code axis} (first on ties), which is removed; values are indices. */
    public Tensor argmax(int axis) {
        return ReduceOps.argExtreme(this, axis, true);
    }

    /** Indices of the smallest values along {@code axis} (first on ties), which is removed. */
    public Tensor argmin(int axis) {
        return ReduceOps.argExtreme(this, axis, false);
    }

    private int[] allAxes() {
        int[] axes = new int[shape.rank()];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i;
        }
        return axes;
    }

    // ---------------------------------------------------------------- shape

    /** The same values in a new shape of the same size; one dimension may be -1 (inferred). Shares the data. */
    public Tensor reshape(int... dims) {
        return ShapeOps.reshape(this, dims);
    }

    /** All dimensions merged into one. */
    public Tensor flatten() {
        return ShapeOps.reshape(this, -1);
    }

    /** Dimensions from {@code startAxis} on merged into one: {@code [N, C, H, W].flatten(1)} is {@code [N, C*H*W]}. */
    public Tensor flatten(int startAxis) {
        return ShapeOps.flatten(this, startAxis);
    }

    /** Axes {@code a} and {@code b} swapped (a copy). */
    public Tensor transpose(int a, int b) {
        return ShapeOps.transpose(this, a, b);
    }

    /** The transpose of a 2-D tensor (a copy); for products use {@link #matmul(Tensor, Tensor, boolean, boolean)}. */
    public Tensor t() {
        if (rank() != 2) {
            throw new ShapeMismatchException("t: needs a 2-D tensor, shape is " + shape);
        }
        return ShapeOps.transpose(this, 0, 1);
    }

    /** The axes reordered: result axis i is this tensor's axis {@code order[i]} (a copy). */
    public Tensor permute(int... order) {
        return ShapeOps.permute(this, order);
    }

    /** All size-1 axes removed. */
    public Tensor squeeze() {
        return ShapeOps.squeeze(this);
    }

    /** Axis {@code axis} removed; it must have size 1. */
    public Tensor squeeze(int axis) {
        return ShapeOps.squeeze(this, axis);
    }

    /** A size-1 axis inserted at {@code axis} (negative counts from the end of the result). */
    public Tensor unsqueeze(int axis) {
        return ShapeOps.unsqueeze(this, axis);
    }

    /** The part {@code [start, start + length)} along {@code axis} (a copy). */
    public Tensor narrow(int axis, int start, int length) {
        return ShapeOps.narrow(this, axis, start, length);
    }

    /** The tensors joined along an existing {@code axis}; all other dimensions must agree. */
    public static Tensor concat(int axis, Tensor... tensors) {
        return ShapeOps.concat(axis, tensors);
    }

    /** The tensors (all of one shape) stacked along a new {@code axis}. */
    public static Tensor stack(int axis, Tensor... tensors) {
        return ShapeOps.stack(axis, tensors);
    }

    /** The slices at {@code indices} along {@code axis}, in that order (repeats allowed). */
    public Tensor indexSelect(int axis, int... indices) {
        return IndexOps.indexSelect(this, axis, indices);
    }

    /**
     * Values picked along {@code axis} by {@code index} (same rank; its values are integer indices):
     * {@code out[i][j] = this[i][index[i][j]]} for axis 1, as torch.gather.
     */
    public Tensor gather(int axis, Tensor index) {
        return IndexOps.gather(this, axis, index);
    }

    // ---------------------------------------------------------------- linear algebra

    /**
     * The matrix product: {@code [m, k] x [k, n] -> [m, n]}; batched {@code [b, m, k] x [b, k, n]}
     * and {@code [b, m, k] x [k, n]} give {@code [b, m, n]}.
     */
    public Tensor matmul(Tensor other) {
        return LinalgOps.matmul(this, other, false, false);
    }

    /**
     * {@code op(a) x op(b)} where op transposes the last two axes when asked; the kernel reads the
     * transposed operand in place, without a copy. {@code matmul(x, w, false, true)} is {@code x w^T}.
     */
    public static Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        return LinalgOps.matmul(a, b, transposeA, transposeB);
    }

    /**
     * The fully connected layer's map {@code x W^T + b} as one op (PyTorch's {@code F.linear}):
     * {@code x [..., in]}, {@code weight [out, in]}, {@code bias [out]} or null; the result is
     * {@code [..., out]}. The bias rows are the GEMM's starting value, so no separate add is made.
     */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        return LinearOps.linear(x, weight, bias, false);
    }

    /**
     * {@code linear(x, weight, bias).relu()} as one op, computed in one output array: shapes as
     * {@link #linear}. What {@code nn.Sequential} runs for a {@code Linear} followed by a
     * {@code ReLU}.
     */
    public static Tensor linearRelu(Tensor x, Tensor weight, Tensor bias) {
        return LinearOps.linear(x, weight, bias, true);
    }

    // ---------------------------------------------------------------- activations

    /** {@code max(0, x)}. */
    public Tensor relu() {
        return ActivationOps.relu(this);
    }

    /** {@code x} for positive x, {@code slope * x} otherwise. */
    public Tensor leakyRelu(float slope) {
        return ActivationOps.leakyRelu(this, slope);
    }

    /** {@code x} for positive x, {@code alpha * (e^x - 1)} otherwise. */
    public Tensor elu(float alpha) {
        return ActivationOps.elu(this, alpha);
    }

    /** The Gaussian error linear unit {@code x * Phi(x)} (exact, with erf, as PyTorch's default). */
    public Tensor gelu() {
        return ActivationOps.gelu(this);
    }

    /** {@code x * sigmoid(x)} (swish). */
    public Tensor silu() {
        return ActivationOps.silu(this);
    }

    /** {@code log(1 + e^x)}, computed without overflow. */
    public Tensor softplus() {
        return ActivationOps.softplus(this);
    }

    /** {@code 1 / (1 + e^-x)}, computed without overflow. */
    public Tensor sigmoid() {
        return ActivationOps.sigmoid(this);
    }

    /** The hyperbolic tangent. */
    public Tensor tanh() {
        return ActivationOps.tanh(this);
    }

    /** {@code e^x / sum(e^x)} along {@code axis}, stable for any input magnitude. */
    public Tensor softmax(int axis) {
        return ActivationOps.softmax(this, axis);
    }

    /** {@code x - log(sum(e^x))} along {@code axis}, stable for any input magnitude. */
    public Tensor logSoftmax(int axis) {
        return ActivationOps.logSoftmax(this, axis);
    }

    // ---------------------------------------------------------------- printing

    /** Shape and values, abridged for large tensors, in the style of PyTorch. */
    @Override
    public String toString() {
        return TensorFormat.format(this);
    }
}
