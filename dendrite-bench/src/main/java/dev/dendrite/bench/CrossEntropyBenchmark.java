package dev.dendrite.bench;

import dev.dendrite.kernel.Parallel;
import dev.dendrite.loss.CrossEntropyLoss;
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
 * Cross-entropy forward and backward on a classifier's logits, the loss step of every training batch:
 * the fused {@link CrossEntropyLoss} against the same loss composed of generic ops
 * ({@code -mean(sum(logSoftmax(x) * oneHot(y), 1))}). Time per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class CrossEntropyBenchmark {

    /** Threads the kernels may use. */
    @Param({"1", "2"})
    public int threads;

    /** Rows of the logits (the batch). */
    @Param({"128"})
    public int rows;

    /** Classes. */
    @Param({"10", "1000"})
    public int classes;

    private Tensor logits;
    private Tensor labels;
    private Tensor oneHot;
    private final CrossEntropyLoss loss = new CrossEntropyLoss();

    /** Builds the inputs once per trial. */
    @Setup
    public void setUp() {
        Parallel.setThreads(threads);
        var random = Tensor.generator(1);
        logits = Tensor.randn(random, rows, classes).requiresGrad(true);
        int[] indices = new int[rows];
        float[] values = new float[rows];
        for (int i = 0; i < rows; i++) {
            indices[i] = random.nextInt(classes);
            values[i] = indices[i];
        }
        labels = Tensor.of(values);
        oneHot = Tensor.oneHot(indices, classes);
    }

    /** The fused loss: one pass forward, the gradient written from the saved softmax. */
    @Benchmark
    public Tensor fused() {
        logits.zeroGrad();
        loss.apply(logits, labels).backward();
        return logits.grad();
    }

    /** The same loss as a chain of generic ops. */
    @Benchmark
    public Tensor composed() {
        logits.zeroGrad();
        logits.logSoftmax(1).mul(oneHot).sum(1).mean().neg().backward();
        return logits.grad();
    }
}
