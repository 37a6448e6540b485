package dev.dendrite.bench;

import dev.dendrite.kernel.Gemm;
import dev.dendrite.kernel.Parallel;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link Gemm#sgemm} on square sizes and on the shapes of one training step of a
 * 784-256-128-10 MLP at batch 128. Besides products per second, the {@code gflop} counter reports
 * GFLOP/s (2mnk per product). See dendrite-bench/README.md for how to run it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms1g", "-Xmx1g"})
public class GemmBenchmark {

    /** The shape: a {@link GemmShapes} name. Keep in step with {@link GemmShapes#NAMES}. */
    @Param({"sq256", "sq512", "sq1024", "sq2048",
            "fc1.fwd", "fc1.dW", "fc1.dX", "fc2.fwd", "fc2.dW", "fc2.dX", "fc3.fwd", "fc3.dW", "fc3.dX",
            "lin1.fwd", "lin1.dW", "lin2.fwd", "lin2.dW", "lin2.dX", "lin3.fwd", "lin3.dW", "lin3.dX",
            "lin1.fwd1", "lin2.fwd1"})
    public String shape;

    /** Threads given to {@link Parallel#setThreads}. */
    @Param({"1", "2"})
    public int threads;

    private boolean transA;
    private boolean transB;
    private int m;
    private int n;
    private int k;
    private float[] a;
    private float[] b;
    private float[] c;
    private double gflopPerProduct;
    private int savedThreads;

    /** Allocates random operands and sets the thread count. */
    @Setup(Level.Trial)
    public void setUp() {
        GemmShapes.Shape s = GemmShapes.of(shape);
        m = s.m();
        n = s.n();
        k = s.k();
        transA = s.transA();
        transB = s.transB();
        SplittableRandom rnd = new SplittableRandom(42);
        a = GemmShapes.random(rnd, m * k);
        b = GemmShapes.random(rnd, k * n);
        c = new float[m * n];
        gflopPerProduct = 2.0 * m * n * k / 1e9;
        savedThreads = Parallel.threads();
        Parallel.setThreads(threads);
    }

    /** Restores the thread count. */
    @TearDown(Level.Trial)
    public void tearDown() {
        Parallel.setThreads(savedThreads);
    }

    /** Counts GFLOP done; JMH reports it per second, i.e. as GFLOP/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flops {
        /** GFLOP done in this iteration. */
        public double gflop;

        /** Resets the count for each iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            gflop = 0;
        }
    }

    /** One product C = op(A) op(B). */
    @Benchmark
    public float[] sgemm(Flops flops) {
        Gemm.sgemm(transA, transB, m, n, k, a, b, c);
        flops.gflop += gflopPerProduct;
        return c;
    }
}
