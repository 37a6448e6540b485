package dev.dendrite.bench.e2e;

import dev.dendrite.kernel.Parallel;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The end-to-end training benchmark: trains the Fashion-MNIST 784-256-128-10 ReLU MLP (Adam 1e-3,
 * cross-entropy, shuffled each epoch) with Dendrite and with PyTorch 2.7 through DJL, at each batch
 * size and thread count, and prints seconds per epoch (median of the measured epochs, after a
 * warm-up epoch), samples/s, test accuracy, peak resident memory and inference rates at batch 1 and
 * 1024, with PyTorch/Dendrite ratios.
 *
 * <p>Every configuration (framework x batch x threads) runs in its own child JVM, so each peak RSS
 * (VmHWM) belongs to one framework alone and one run cannot warm or pollute another. With
 * {@code --repeats=N} every configuration runs N times, the frameworks interleaved, and the table
 * gives medians. With {@code --paired} the two frameworks' children of a configuration run side by
 * side and take turns, one measured epoch each, so each pair of epochs ran minutes closer than two
 * separate runs would, and the table adds the median of the per-pair ratios. See
 * {@code dendrite-bench/TRAINING-BENCHMARKS.md}.
 *
 * <pre>
 * java -cp dendrite-bench/target/benchmarks.jar dev.dendrite.bench.e2e.TrainingBenchmark [options]
 *   --quick                 batch 128 at all cores only
 *   --batches=32,128,512    --threads=1,N (N = cores)     --frameworks=dendrite,pytorch
 *   --warmup=1 --epochs=3   measured epochs after the warm-up ones
 *   --ten-epochs            warm-up 1 + 9 measured: the accuracy is after 10 epochs
 *   --repeats=1             runs per configuration (medians are reported)
 *   --paired                both frameworks' children at once, taking turns epoch by epoch
 *   --pause-ms=300          with --paired: idle time before each turn (lets the other side's threads settle)
 *   --singles=20000 --bulk-passes=3   inference: batch-1 forwards, passes over the test set at 1024
 *   --data=/usr/share/datasets/fashion-mnist   --seed=42
 *   --jvm-args="-Xmx2g ..." extra options for every child JVM
 *   --dendrite-jvm-args="..."  options for Dendrite's child only; default: the dendrite launcher's
 *                           ({@value #DENDRITE_JVM_OPTIONS}); --dendrite-jvm-args= runs it with the JVM's defaults
 *   --out=dendrite-bench/target/e2e            logs, results.jsonl, table.txt
 *   --from=OUT/results.jsonl  print the table of an earlier run again (same --batches/--threads), run nothing
 * </pre>
 */
public final class TrainingBenchmark {

    private static final double MB = 1024.0;

    /**
     * The JVM options the {@code dendrite} launcher runs with, used for Dendrite's child too. The
     * serial collector is the one HotSpot itself picks for small machines; G1's default sizing
     * (a 1/64-of-RAM start, eden grown while pauses are cheap) keeps 150-300 MB more resident for
     * the same training. Keep in step with the launcher script at the project root.
     */
    static final String DENDRITE_JVM_OPTIONS = "-XX:+UseSerialGC";

    private TrainingBenchmark() {
    }

    /** Runs every configuration in its own child JVM and prints the comparison table; {@code --help}-style flags are in TRAINING-BENCHMARKS.md. */
    public static void main(String[] args) throws IOException, InterruptedException {
        Options options = Options.parse(args);
        if (options.from != null) {
            List<RunResult> saved = Files.readAllLines(options.from, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("{")).map(RunResult::parse).toList();
            System.out.print(table(saved, List.of(), options));
            return;
        }
        Path jar = ownJar();
        Path djlLib = jar.resolveSibling("djl-lib");
        Files.createDirectories(options.out.resolve("logs"));
        Path djlCache = options.out.resolve("djl-cache").toAbsolutePath();
        Path resultsFile = options.out.resolve("results.jsonl");
        Files.deleteIfExists(resultsFile);

        List<RunResult> results = new ArrayList<>();
        List<Double> loads = new ArrayList<>();
        int total = options.batches.length * options.threads.length * options.frameworks.size() * options.repeats;
        int done = 0;
        for (int repeat = 0; repeat < options.repeats; repeat++) {
            for (int batch : options.batches) {
                for (int threads : options.threads) {
                    if (options.paired) {
                        String load = loadAverage();
                        loads.add(Double.parseDouble(load.split(" ")[0]));
                        done += 2;
                        System.err.printf(Locale.ROOT, "[%d/%d] paired   batch %4d, %d thread(s) (load %s) ... ", done,
                                total, batch, threads, load);
                        long start = System.nanoTime();
                        List<RunResult> pair = runPaired(batch, threads, jar, djlLib, djlCache, options, repeat);
                        System.err.printf(Locale.ROOT, "D %.2f / P %.2f s/epoch, D %.0f / P %.0f MB (%.0f s)%n",
                                pair.get(0).medianEpochSeconds(), pair.get(1).medianEpochSeconds(),
                                pair.get(0).peakRssKb() / MB, pair.get(1).peakRssKb() / MB,
                                (System.nanoTime() - start) / 1e9);
                        for (RunResult result : pair) {
                            results.add(result);
                            Files.writeString(resultsFile, result.toLine().substring(RunResult.PREFIX.length()) + "\n",
                                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                                    java.nio.file.StandardOpenOption.APPEND);
                        }
                        continue;
                    }
                    for (String framework : options.frameworks) {
                        RunSpec spec = new RunSpec(framework, batch, threads, options.warmup, options.epochs,
                                options.seed, options.data, options.singles, options.bulkPasses, false);
                        done++;
                        String load = loadAverage();
                        loads.add(Double.parseDouble(load.split(" ")[0]));
                        System.err.printf(Locale.ROOT, "[%d/%d] %-8s batch %4d, %d thread(s) (load %s) ... ", done,
                                total, framework, batch, threads, load);
                        long start = System.nanoTime();
                        RunResult result = runChild(spec, jar, djlLib, djlCache, options, repeat);
                        System.err.printf(Locale.ROOT, "%.2f s/epoch (CPU %.2f s), acc %.4f, %.0f MB (%.0f s)%n",
                                result.medianEpochSeconds(), result.medianEpochCpuSeconds(), result.testAccuracy(),
                                result.peakRssKb() / MB,
                                (System.nanoTime() - start) / 1e9);
                        results.add(result);
                        Files.writeString(resultsFile, result.toLine().substring(RunResult.PREFIX.length()) + "\n",
                                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                                java.nio.file.StandardOpenOption.APPEND);
                    }
                }
            }
        }
        String table = table(results, loads, options);
        System.out.print(table);
        Files.writeString(options.out.resolve("table.txt"), table, StandardCharsets.UTF_8);
    }

    /**
     * Dendrite's and PyTorch's children of one configuration, side by side: each warms up alone (the
     * other idle), then they take turns, one measured epoch each, then one inference warm-up or timed
     * slice each.
     */
    private static List<RunResult> runPaired(int batch, int threads, Path jar, Path djlLib, Path djlCache,
                                             Options options, int repeat) throws IOException, InterruptedException {
        List<PacedChild> children = new ArrayList<>();
        try {
            for (String framework : List.of(RunSpec.DENDRITE, RunSpec.PYTORCH)) {
                RunSpec spec = new RunSpec(framework, batch, threads, options.warmup, options.epochs, options.seed,
                        options.data, options.singles, options.bulkPasses, true);
                ProcessBuilder builder = new ProcessBuilder();
                List<String> command = childCommand(spec, jar, djlLib, djlCache, options, builder);
                PacedChild child = PacedChild.start(builder, command, logFile(spec, options, repeat));
                children.add(child);
                child.awaitReady();
            }
            // One turn per measured epoch, then the inference warm-ups and slices; after its last turn a
            // child reports and exits.
            int turns = options.epochs + (options.singles > 0 ? InferenceRate.TURNS : 0)
                    + (options.bulkPasses > 0 ? InferenceRate.TURNS : 0);
            for (int turn = 0; turn < turns; turn++) {
                for (PacedChild child : children) {
                    Thread.sleep(options.pauseMillis);
                    child.go();
                    if (turn < turns - 1) {
                        child.awaitReady();
                    } else {
                        child.awaitResult(); // the other's last turn must not overlap this one's
                    }
                }
            }
            List<RunResult> pair = new ArrayList<>();
            for (PacedChild child : children) {
                pair.add(child.awaitResult());
            }
            return pair;
        } finally {
            children.forEach(PacedChild::destroy);
        }
    }

    private static Path logFile(RunSpec spec, Options options, int repeat) {
        return options.out.resolve("logs").resolve(String.format(Locale.ROOT, "%s-b%d-t%d-r%d.log",
                spec.framework(), spec.batch(), spec.threads(), repeat));
    }

    private static RunResult runChild(RunSpec spec, Path jar, Path djlLib, Path djlCache, Options options, int repeat)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder();
        List<String> command = childCommand(spec, jar, djlLib, djlCache, options, builder);
        Path log = logFile(spec, options, repeat);
        Files.writeString(log, String.join(" ", command) + "\n\n", StandardCharsets.UTF_8);
        Process process = builder.command(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        int exit = process.waitFor();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.startsWith(RunResult.PREFIX)) {
                return RunResult.parse(line);
            }
        }
        int from = Math.max(0, lines.size() - 20);
        throw new IllegalStateException("child " + spec.framework() + " batch " + spec.batch() + " threads "
                + spec.threads() + " exited " + exit + " without a result; see " + log + ":\n"
                + String.join("\n", lines.subList(from, lines.size())));
    }

    /** The child JVM's command line for {@code spec}; sets the environment it needs on {@code builder}. */
    private static List<String> childCommand(RunSpec spec, Path jar, Path djlLib, Path djlCache, Options options,
                                             ProcessBuilder builder) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules");
        command.add("jdk.incubator.vector");
        command.addAll(options.jvmArgs);
        if (spec.framework().equals(RunSpec.PYTORCH)) {
            if (!Files.isDirectory(djlLib)) {
                throw new IllegalStateException(djlLib + " is missing: build with ./mvnw package -pl dendrite-bench -am");
            }
            // Offline, from the bundled native jar, extracted into a cache of our own under target/.
            command.add("--enable-native-access=ALL-UNNAMED");
            command.add("-Dai.djl.offline=true");
            command.add("-DDJL_CACHE_DIR=" + djlCache);
            command.add("-Dai.djl.pytorch.num_threads=" + spec.threads());
            command.add("-Dai.djl.pytorch.num_interop_threads=1");
            command.add("-cp");
            command.add(jar + java.io.File.pathSeparator + djlLib.resolve("*"));
            command.add(PyTorchTraining.class.getName());
            builder.environment().put("OMP_NUM_THREADS", Integer.toString(spec.threads()));
            builder.environment().put("MKL_NUM_THREADS", Integer.toString(spec.threads()));
        } else {
            command.addAll(options.dendriteJvmArgs);
            command.add("-cp");
            command.add(jar.toString());
            command.add(DendriteTraining.class.getName());
        }
        command.addAll(spec.toArgs());
        return command;
    }

    // ------------------------------------------------------------------------------------ the table

    private static String table(List<RunResult> results, List<Double> loads, Options options) {
        var text = new java.io.ByteArrayOutputStream();
        PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8);
        int runs = results.isEmpty() ? 0 : (int) (results.size() / Math.max(1, results.stream()
                .map(r -> r.framework() + r.batch() + "/" + r.threads()).distinct().count()));
        int epochs = results.isEmpty() ? options.epochs : results.getFirst().epochSeconds().length;
        out.printf(Locale.ROOT, "%nFashion-MNIST MLP 784-256-128-10 ReLU, Adam 1e-3, cross-entropy; %d measured epoch(s) "
                        + "after %d warm-up, accuracy after all; median of %d run(s) per configuration%s; %d cores%n", epochs,
                options.warmup, runs, runs == 2 ? " (of 2: their mean)" : "", Parallel.cores());
        out.println("s/ep = wall seconds per epoch; speedup = PyTorch s/ep / Dendrite s/ep (> 1: Dendrite faster); "
                + "cpu/e = CPU seconds per epoch, all threads of the process");
        out.println("RSS = peak resident set (VmHWM) of the child JVM in MB; D = Dendrite, P = PyTorch 2.7 via DJL");
        out.println("Dendrite's JVM options: " + (options.dendriteJvmArgs.isEmpty() ? "the JVM's defaults"
                : String.join(" ", options.dendriteJvmArgs)) + (options.jvmArgs.isEmpty() ? ""
                : "; both children: " + String.join(" ", options.jvmArgs)));
        if (!loads.isEmpty()) {
            out.printf(Locale.ROOT, "1-minute load average at the start of the runs: %.1f to %.1f%n",
                    loads.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                    loads.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
        }
        out.println();
        String header = String.format(Locale.ROOT,
                "%5s %3s | %7s %7s %7s | %7s %7s %6s | %8s %8s | %6s %6s | %6s %6s %5s", "batch", "thr", "D s/ep",
                "P s/ep", "speedup", "D cpu/e", "P cpu/e", "P/D", "D samp/s", "P samp/s", "D acc", "P acc", "D RSS",
                "P RSS", "D/P");
        out.println(header);
        out.println("-".repeat(header.length()));
        for (int batch : options.batches) {
            for (int threads : options.threads) {
                List<RunResult> d = select(results, RunSpec.DENDRITE, batch, threads);
                List<RunResult> p = select(results, RunSpec.PYTORCH, batch, threads);
                double dSec = median(d, RunResult::medianEpochSeconds);
                double pSec = median(p, RunResult::medianEpochSeconds);
                double dCpu = median(d, RunResult::medianEpochCpuSeconds);
                double pCpu = median(p, RunResult::medianEpochCpuSeconds);
                double dRss = median(d, r -> r.peakRssKb() / MB);
                double pRss = median(p, r -> r.peakRssKb() / MB);
                out.printf(Locale.ROOT,
                        "%5d %3d | %7.3f %7.3f %7s | %7.3f %7.3f %6s | %8.0f %8.0f | %6.4f %6.4f | %6.0f %6.0f %5s%n",
                        batch, threads, dSec, pSec, ratio(pSec, dSec), dCpu, pCpu, ratio(pCpu, dCpu),
                        Fmnist.TRAIN_SIZE / dSec, Fmnist.TRAIN_SIZE / pSec, median(d, RunResult::testAccuracy),
                        median(p, RunResult::testAccuracy), dRss, pRss, ratio(dRss, pRss));
            }
        }
        out.println();
        out.println("Best epoch (fastest measured epoch of any run): the least disturbed figure on a shared machine");
        String bestHeader = String.format(Locale.ROOT, "%5s %3s | %7s %7s %7s", "batch", "thr", "D s/ep", "P s/ep",
                "speedup");
        out.println(bestHeader);
        out.println("-".repeat(bestHeader.length()));
        for (int batch : options.batches) {
            for (int threads : options.threads) {
                double dBest = best(select(results, RunSpec.DENDRITE, batch, threads));
                double pBest = best(select(results, RunSpec.PYTORCH, batch, threads));
                out.printf(Locale.ROOT, "%5d %3d | %7.3f %7.3f %7s%n", batch, threads, dBest, pBest,
                        ratio(pBest, dBest));
            }
        }
        if (options.paired) {
            out.println();
            out.println("Paired: each measured epoch of PyTorch over the Dendrite epoch run just before it (taking turns);");
            out.println("median of those ratios over every pair of every run [quartiles]");
            String pairedHeader = String.format(Locale.ROOT, "%5s %3s | %7s %13s %5s", "batch", "thr", "speedup",
                    "quartiles", "pairs");
            out.println(pairedHeader);
            out.println("-".repeat(pairedHeader.length()));
            for (int batch : options.batches) {
                for (int threads : options.threads) {
                    double[] ratios = epochRatios(select(results, RunSpec.DENDRITE, batch, threads),
                            select(results, RunSpec.PYTORCH, batch, threads));
                    Arrays.sort(ratios);
                    out.printf(Locale.ROOT, "%5d %3d | %7s %13s %5d%n", batch, threads, medianText(ratios),
                            quartileText(ratios), ratios.length);
                }
            }
            out.println("Paired inference: D/P of each timed slice against its partner's (the two sides taking turns,");
            out.println("slice by slice), median over every pair at that thread count [quartiles]");
            String inferPairHeader = String.format(Locale.ROOT, "%3s | %7s %13s | %7s %13s | %5s", "thr", "b=1",
                    "quartiles", "b=1024", "quartiles", "pairs");
            out.println(inferPairHeader);
            out.println("-".repeat(inferPairHeader.length()));
            for (int threads : options.threads) {
                List<RunResult> d = select(results, RunSpec.DENDRITE, -1, threads);
                List<RunResult> p = select(results, RunSpec.PYTORCH, -1, threads);
                double[] single = sliceRatios(d, p, RunResult::singleSlices);
                double[] bulk = sliceRatios(d, p, RunResult::bulkSlices);
                out.printf(Locale.ROOT, "%3d | %7s %13s | %7s %13s | %5d%n", threads, medianText(single),
                        quartileText(single), medianText(bulk), quartileText(bulk), single.length);
            }
        }
        out.println();
        out.println("Inference (eval, no grad), samples/s; median over every child at that thread count");
        String inferHeader = String.format(Locale.ROOT, "%3s | %10s %10s %7s | %10s %10s %7s", "thr", "D b=1",
                "P b=1", "D/P", "D b=1024", "P b=1024", "D/P");
        out.println(inferHeader);
        out.println("-".repeat(inferHeader.length()));
        for (int threads : options.threads) {
            List<RunResult> d = select(results, RunSpec.DENDRITE, -1, threads);
            List<RunResult> p = select(results, RunSpec.PYTORCH, -1, threads);
            double d1 = median(d, RunResult::inferSingle);
            double p1 = median(p, RunResult::inferSingle);
            double dBulk = median(d, RunResult::inferBulk);
            double pBulk = median(p, RunResult::inferBulk);
            out.printf(Locale.ROOT, "%3d | %10.0f %10.0f %7s | %10.0f %10.0f %7s%n", threads, d1, p1, ratio(d1, p1),
                    dBulk, pBulk, ratio(dBulk, pBulk));
        }
        out.println();
        out.println("Per run (s/epoch of each measured epoch): see results.jsonl and logs/ under " + options.out);
        Map<String, String> notes = new LinkedHashMap<>();
        results.forEach(r -> notes.putIfAbsent(r.framework(), r.notes()));
        notes.forEach((framework, note) -> out.println(framework + ": " + note));
        return text.toString(StandardCharsets.UTF_8);
    }

    private static List<RunResult> select(List<RunResult> results, String framework, int batch, int threads) {
        return results.stream().filter(r -> r.framework().equals(framework) && r.threads() == threads
                && (batch < 0 || r.batch() == batch)).toList();
    }

    /** P/D of each measured epoch against its partner: run i of one framework was paired with run i of the other. */
    static double[] epochRatios(List<RunResult> dendrite, List<RunResult> pytorch) {
        List<Double> ratios = new ArrayList<>();
        for (int run = 0; run < Math.min(dendrite.size(), pytorch.size()); run++) {
            double[] d = dendrite.get(run).epochSeconds();
            double[] p = pytorch.get(run).epochSeconds();
            for (int e = 0; e < Math.min(d.length, p.length); e++) {
                ratios.add(p[e] / d[e]);
            }
        }
        return ratios.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** D/P of each inference slice against its partner, slice i of run i of each framework, sorted. */
    static double[] sliceRatios(List<RunResult> dendrite, List<RunResult> pytorch,
                                java.util.function.Function<RunResult, double[]> slices) {
        List<Double> ratios = new ArrayList<>();
        for (int run = 0; run < Math.min(dendrite.size(), pytorch.size()); run++) {
            double[] d = slices.apply(dendrite.get(run));
            double[] p = slices.apply(pytorch.get(run));
            for (int i = 0; i < Math.min(d.length, p.length); i++) {
                ratios.add(d[i] / p[i]);
            }
        }
        return ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static String medianText(double[] sorted) {
        return sorted.length == 0 ? "-" : String.format(Locale.ROOT, "%.2fx", RunResult.median(sorted));
    }

    private static String quartileText(double[] sorted) {
        return sorted.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f-%.2f", sorted[sorted.length / 4],
                sorted[(3 * sorted.length) / 4]);
    }

    private static double median(List<RunResult> runs, ToDoubleFunction<RunResult> value) {
        return RunResult.median(runs.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).toArray());
    }

    private static double best(List<RunResult> runs) {
        return runs.stream().flatMapToDouble(r -> Arrays.stream(r.epochSeconds())).min().orElse(Double.NaN);
    }

    private static String ratio(double numerator, double denominator) {
        return Double.isNaN(numerator) || Double.isNaN(denominator) ? "-"
                : String.format(Locale.ROOT, "%.2fx", numerator / denominator);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1];
        } catch (IOException e) {
            return "NaN NaN";
        }
    }

    private static Path ownJar() {
        try {
            Path location = Path.of(TrainingBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                throw new IllegalStateException("run TrainingBenchmark from the shaded jar "
                        + "(dendrite-bench/target/benchmarks.jar), not from " + location);
            }
            return location;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------- options

    private static final class Options {
        int[] batches = {32, 128, 512};
        int[] threads = Parallel.cores() > 1 ? new int[] {1, Parallel.cores()} : new int[] {1};
        List<String> frameworks = List.of(RunSpec.DENDRITE, RunSpec.PYTORCH);
        int warmup = 1;
        int epochs = 3;
        int repeats = 1;
        boolean paired;
        long pauseMillis = 300;
        int singles = 20_000;
        int bulkPasses = 3;
        long seed = 42;
        Path data = Path.of("/usr/share/datasets/fashion-mnist");
        Path out = Path.of("dendrite-bench/target/e2e");
        Path from;
        List<String> jvmArgs = List.of();
        List<String> dendriteJvmArgs = words(DENDRITE_JVM_OPTIONS);

        static Options parse(String[] args) {
            Options o = new Options();
            for (String arg : args) {
                String[] kv = arg.split("=", 2);
                String value = kv.length == 2 ? kv[1] : "";
                switch (kv[0]) {
                    case "--quick" -> {
                        o.batches = new int[] {128};
                        o.threads = new int[] {Parallel.cores()};
                    }
                    case "--ten-epochs" -> {
                        o.warmup = 1;
                        o.epochs = 9;
                    }
                    case "--batches" -> o.batches = ints(value);
                    case "--threads" -> o.threads = Arrays.stream(ints(value)).map(t -> Math.min(t, Parallel.cores()))
                            .distinct().toArray();
                    case "--frameworks" -> o.frameworks = List.of(value.split(","));
                    case "--warmup" -> o.warmup = Integer.parseInt(value);
                    case "--epochs" -> o.epochs = Integer.parseInt(value);
                    case "--repeats" -> o.repeats = Integer.parseInt(value);
                    case "--paired" -> o.paired = true;
                    case "--pause-ms" -> o.pauseMillis = Long.parseLong(value);
                    case "--singles" -> o.singles = Integer.parseInt(value);
                    case "--bulk-passes" -> o.bulkPasses = Integer.parseInt(value);
                    case "--seed" -> o.seed = Long.parseLong(value);
                    case "--data" -> o.data = Path.of(value);
                    case "--out" -> o.out = Path.of(value);
                    case "--from" -> {
                        o.from = Path.of(value);
                        o.out = o.from.toAbsolutePath().getParent();
                    }
                    case "--jvm-args" -> o.jvmArgs = words(value);
                    case "--dendrite-jvm-args" -> o.dendriteJvmArgs = words(value);
                    case "--help", "-h" -> {
                        System.out.println("see the Javadoc of " + TrainingBenchmark.class.getName()
                                + " or dendrite-bench/TRAINING-BENCHMARKS.md");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + arg + " (try --help)");
                }
            }
            for (String framework : o.frameworks) {
                if (!framework.equals(RunSpec.DENDRITE) && !framework.equals(RunSpec.PYTORCH)) {
                    throw new IllegalArgumentException("--frameworks takes dendrite and/or pytorch, got " + framework);
                }
            }
            if (o.paired && o.frameworks.size() != 2) {
                throw new IllegalArgumentException("--paired needs both frameworks");
            }
            if (o.warmup < 0 || o.epochs < 1 || o.repeats < 1 || o.pauseMillis < 0) {
                throw new IllegalArgumentException("need --warmup >= 0, --epochs >= 1, --repeats >= 1");
            }
            return o;
        }

        private static List<String> words(String value) {
            return value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
        }

        private static int[] ints(String csv) {
            return Arrays.stream(csv.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        }
    }
}
