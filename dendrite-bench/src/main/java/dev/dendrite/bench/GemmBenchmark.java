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

    /**
     * The shape: "sqN" is N x N times N x N; "fcL.fwd" the forward product of layer L (X W),
     * "fcL.dW" its weight gradient (X^T dY, transposed A), "fcL.dX" its input gradient (dY W^T,
     * transposed B), with W stored [in, out] as the issue writes them. "linL.*" are the same layer's
     * products as Dendrite's {@code nn.Linear} runs them, W stored [out, in] like PyTorch: forward
     * X W^T (transposed B), dW = dY^T X (transposed A), dX = dY W (no transpose). Keep in step with
     * scripts/gemm_vs_openblas.py.
     */
    @Param({"sq256", "sq512", "sq1024", "sq2048",
            "fc1.fwd", "fc1.dW", "fc1.dX", "fc2.fwd", "fc2.dW", "fc2.dX", "fc3.fwd", "fc3.dW", "fc3.dX",
            "lin1.fwd", "lin1.dW", "lin2.fwd", "lin2.dW", "lin2.dX", "lin3.fwd", "lin3.dW", "lin3.dX"})
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

    /** Returns {m, n, k, transA, transB} for a shape name. */
    static int[] dims(String shape) {
        if (shape.startsWith("sq")) {
            int s = Integer.parseInt(shape.substring(2));
            return new int[] {s, s, s, 0, 0};
        }
        return switch (shape) {
            case "fc1.fwd" -> new int[] {128, 256, 784, 0, 0};  // X[128x784] W1[784x256]
            case "fc1.dW" -> new int[] {784, 256, 128, 1, 0};   // X^T dY1
            case "fc1.dX" -> new int[] {128, 784, 256, 0, 1};   // dY1 W1^T
            case "fc2.fwd" -> new int[] {128, 128, 256, 0, 0};  // H1[128x256] W2[256x128]
            case "fc2.dW" -> new int[] {256, 128, 128, 1, 0};
            case "fc2.dX" -> new int[] {128, 256, 128, 0, 1};
            case "fc3.fwd" -> new int[] {128, 10, 128, 0, 0};   // H2[128x128] W3[128x10]
            case "fc3.dW" -> new int[] {128, 10, 128, 1, 0};
            case "fc3.dX" -> new int[] {128, 128, 10, 0, 1};
            case "lin1.fwd" -> new int[] {128, 256, 784, 0, 1}; // X[128x784] W1[256x784]^T
            case "lin1.dW" -> new int[] {256, 784, 128, 1, 0};  // dY1^T X (no dX: the input needs none)
            case "lin2.fwd" -> new int[] {128, 128, 256, 0, 1}; // H1[128x256] W2[128x256]^T
            case "lin2.dW" -> new int[] {128, 256, 128, 1, 0};
            case "lin2.dX" -> new int[] {128, 256, 128, 0, 0};  // dY2[128x128] W2[128x256]
            case "lin3.fwd" -> new int[] {128, 10, 128, 0, 1};
            case "lin3.dW" -> new int[] {10, 128, 128, 1, 0};
            case "lin3.dX" -> new int[] {128, 128, 10, 0, 0};
            default -> throw new IllegalArgumentException("unknown shape " + shape);
        };
    }

    /** Allocates random operands and sets the thread count. */
    @Setup(Level.Trial)
    public void setUp() {
        int[] d = dims(shape);
        m = d[0];
        n = d[1];
        k = d[2];
        transA = d[3] == 1;
        transB = d[4] == 1;
        SplittableRandom rnd = new SplittableRandom(42);
        a = random(rnd, m * k);
        b = random(rnd, k * n);
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

    private static float[] random(SplittableRandom rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rnd.nextDouble() * 2 - 1);
        }
        return x;
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
