package dev.dendrite.bench;

import dev.dendrite.autograd.NoGrad;
import dev.dendrite.kernel.Parallel;
import dev.dendrite.tensor.Tensor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot elementwise and reduction ops of an MLP training step, at the shapes of a batch of 128:
 * bias add (a [128, 256] activation plus a [256] bias row), relu and its gradient, exp, and the
 * row sums of a [128, 784] matrix. Time per call; divide the bytes moved by it for GB/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ElementwiseBenchmark {

    /** Threads the kernels may use. */
    @Param({"1", "2"})
    public int threads;

    /** Rows of the activation matrix (the batch). */
    @Param({"128"})
    public int rows;

    /** Columns of the activation matrix. */
    @Param({"256", "784"})
    public int cols;

    private Tensor x;
    private Tensor bias;
    private Tensor upstream;
    private Tensor reluInput;

    /** Builds the inputs once per trial. */
    @Setup
    public void setUp() {
        Parallel.setThreads(threads);
        var random = Tensor.generator(1);
        x = Tensor.randn(random, rows, cols);
        bias = Tensor.randn(random, cols);
        upstream = Tensor.randn(random, rows, cols);
        reluInput = Tensor.randn(random, rows, cols).requiresGrad(true);
    }

    /** {@code x + bias}, the bias row broadcast over the batch. */
    @Benchmark
    public Tensor biasAdd() {
        try (var noGrad = NoGrad.enter()) {
            return x.add(bias);
        }
    }

    /** {@code relu(x)} forward only. */
    @Benchmark
    public Tensor relu() {
        try (var noGrad = NoGrad.enter()) {
            return x.relu();
        }
    }

    /** relu forward and backward: the gradient mask applied to an upstream gradient. */
    @Benchmark
    public Tensor reluForwardBackward() {
        reluInput.zeroGrad();
        reluInput.relu().backward(upstream);
        return reluInput.grad();
    }

    /** {@code e^x}. */
    @Benchmark
    public Tensor exp() {
        try (var noGrad = NoGrad.enter()) {
            return x.exp();
        }
    }

    /** Sums along the last axis (one value per row). */
    @Benchmark
    public Tensor rowSums() {
        try (var noGrad = NoGrad.enter()) {
            return x.sum(-1);
        }
    }

    /** Sums over the batch axis (the bias gradient). */
    @Benchmark
    public Tensor columnSums() {
        try (var noGrad = NoGrad.enter()) {
            return x.sum(0);
        }
    }
}
