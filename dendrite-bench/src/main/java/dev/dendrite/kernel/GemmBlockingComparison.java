package dev.dendrite.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Paired comparison of GEMM blockings: the blockings take turns every 100 ms in one JVM, so a change
 * in the machine's load hits all of them alike (on the shared development machine one vCPU's speed
 * moves by 2x from one minute to the next, which separate runs cannot tell from a real difference).
 * In package {@code dev.dendrite.kernel} to reach {@link Gemm.Blocking}, which is not public API.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp dendrite-bench/target/benchmarks.jar \
 *     dev.dendrite.kernel.GemmBlockingComparison THREADS "MC,KC,MR[,BCAP];MC,KC,MR[,BCAP]" M:N:K:TA:TB ...
 * e.g. ... 2 "96,512,6,2097152;96,512,6,1048576" 2048:2048:2048:0:0
 * </pre>
 *
 * Prints, per shape, the median and best GFLOP/s of 20 slices of 100 ms per blocking.
 */
public final class GemmBlockingComparison {

    private static final int SLICES = 20;

    private GemmBlockingComparison() {
    }

    /** Runs the comparison; see the class comment for the arguments. */
    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: GemmBlockingComparison THREADS \"MC,KC,MR[,BCAP];...\" M:N:K:TA:TB ...");
            System.exit(2);
        }
        Parallel.setThreads(Integer.parseInt(args[0]));
        List<Gemm.Blocking> blockings = new ArrayList<>();
        for (String spec : args[1].split(";")) {
            String[] f = spec.split(",");
            int bCap = f.length > 3 ? Integer.parseInt(f[3]) : Gemm.DEFAULT.bCap();
            blockings.add(new Gemm.Blocking(Gemm.DEFAULT.nv(), Integer.parseInt(f[0]), Integer.parseInt(f[1]), bCap,
                    Integer.parseInt(f[2])));
        }
        for (int s = 2; s < args.length; s++) {
            compare(args[s], blockings, args[1].split(";"));
        }
    }

    private static void compare(String shape, List<Gemm.Blocking> blockings, String[] names) {
        String[] f = shape.split(":");
        int m = Integer.parseInt(f[0]);
        int n = Integer.parseInt(f[1]);
        int k = Integer.parseInt(f[2]);
        boolean transA = f[3].equals("1");
        boolean transB = f[4].equals("1");
        SplittableRandom random = new SplittableRandom(1);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        float[] c = new float[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) random.nextDouble();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) random.nextDouble();
        }
        double flop = 2.0 * m * n * k;
        double[][] rates = new double[blockings.size()][SLICES];
        for (int slice = -1; slice < SLICES; slice++) { // slice -1: warm-up, 1 s each
            for (int v = 0; v < blockings.size(); v++) {
                Gemm.Blocking bl = blockings.get(v);
                long nanos = slice < 0 ? 1_000_000_000L : 100_000_000L;
                long start = System.nanoTime();
                int calls = 0;
                while (System.nanoTime() - start < nanos) {
                    Gemm.sgemm(bl, transA, transB, m, n, k, 1f, a, 0, transA ? m : k, b, 0, transB ? k : n, 0f, c, 0, n);
                    calls++;
                }
                if (slice >= 0) {
                    rates[v][slice] = flop * calls / (System.nanoTime() - start);
                }
            }
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-22s threads %d:", shape, Parallel.threads()));
        for (int v = 0; v < blockings.size(); v++) {
            Arrays.sort(rates[v]);
            line.append(String.format(Locale.ROOT, "  [%s] median %.1f best %.1f", names[v], rates[v][SLICES / 2],
                    rates[v][SLICES - 1]));
        }
        System.out.println(line);
    }
}
