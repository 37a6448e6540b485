package dev.dendrite.cli;

import dev.dendrite.data.Batch;
import dev.dendrite.data.Dataset;
import dev.dendrite.kernel.Parallel;
import dev.dendrite.nn.Module;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dendrite landscape}: the loss surface around a trained model's weights along two random,
 * filter-normalised directions (Li et al. 2018), as a contour plot (PNG and SVG) and a CSV of the grid;
 * added to the run's report.html when written into the run directory.
 */
@Command(name = "landscape", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The loss around a trained model's weights w: loss(w + alpha*d1 + beta*d2) over a grid of alpha, beta in "
                + "[-range, range], with d1, d2 random directions filter-normalised as in Li et al. 2018 (each filter scaled to the "
                + "norm of the trained filter; bias directions zero).",
                "Writes landscape.csv, landscape.png and landscape.svg, and adds the plot to report.html when the output "
                + "directory holds the run's report."})
final class LandscapeCommand implements Callable<Integer> {

    @ParentCommand
    Dendrite app;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "A model.dendrite file (or a run directory).")
    Path modelFile;

    @Option(names = "--data", required = true, paramLabel = "PATH",
            description = "Labelled data as for evaluate: a CSV file, a directory of IDX files (its test images) or an image folder.")
    Path data;

    @Option(names = "--target", paramLabel = "NAME", description = "Target column of a CSV file (default: the last column).")
    String target;

    @Mixin
    Encoding encoding = new Encoding();

    @Option(names = "--steps", defaultValue = "21", description = "Grid points along each direction, odd so that the trained weights are one (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--range", defaultValue = "1.0", description = "The grid spans [-range, range] in both directions (default: ${DEFAULT-VALUE}).")
    double range;

    @Option(names = "--samples", defaultValue = "2000",
            description = "Evaluate on this many examples drawn at random (seeded), or all when there are fewer (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--batch-size", defaultValue = "256", description = "Examples per forward pass (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the directions and of the sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Worker threads of the kernels (default: one per core).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the files (default: the model's directory, i.e. its run).")
    Path out;

    @Override
    public Integer call() {
        checkOptions();
        if (threads != null) {
            Parallel.setThreads(threads);
        }
        PrintStream console = app.out;
        LoadedModel model = LoadedModel.load(modelFile);
        Dataset examples = model.prepare(LabelledData.read(model, data, target, encoding));
        int[] chosen = sample(examples.size());
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < chosen.length; from += batchSize) {
            batches.add(examples.batch(Arrays.copyOfRange(chosen, from, Math.min(chosen.length, from + batchSize))));
        }
        Module network = model.model().module();
        SplittableRandom random = new SplittableRandom(seed);
        var delta = Directions.filterNormalised(network.namedParameters(), random);
        var eta = Directions.filterNormalised(network.namedParameters(), random);
        double[] grid = LossSurface.grid(steps, range);
        int points = steps * steps;
        console.printf(Locale.ROOT, "Landscape of %s on %s: %d x %d points in [-%s, %s]^2, %,d of %,d examples, seed %d%n",
                model.file(), data, steps, steps, range, range, chosen.length, examples.size(), seed);
        long start = System.nanoTime();
        int[] reported = {0};
        LossSurface surface = LossSurface.evaluate(network, model.loss(), batches, delta, eta, grid, done -> {
            int quarter = 4 * done / points;
            if (quarter > reported[0]) {
                reported[0] = quarter;
                console.printf(Locale.ROOT, "  %3d%% (%d/%d points, %.1f s)%n", 25 * quarter, done, points,
                        (System.nanoTime() - start) / 1e9);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        int[] best = surface.argmin();
        console.printf(Locale.ROOT, "Loss at the trained weights: %.6g; lowest on the grid: %.6g at alpha %.3g, beta %.3g (%.1f s)%n",
                surface.centre(), surface.loss()[best[0]][best[1]], grid[best[0]], grid[best[1]], seconds);

        Path dir = out != null ? out : model.file().toAbsolutePath().getParent();
        createDirectories(dir);
        writeCsv(dir.resolve("landscape.csv"), surface);
        byte[] png = LandscapePlot.of(surface, chosen.length).save(dir, "landscape");
        console.println("Wrote " + dir.resolve("landscape.csv") + ", landscape.png and landscape.svg");
        Path report = dir.resolve("report.html");
        if (Files.isRegularFile(report)) {
            Report section = new Report("")
                    .heading("Loss landscape")
                    .paragraph(String.format(Locale.ROOT, "Loss of the model at θ + α·δ + β·η on %,d examples of %s, for α, β"
                            + " in [-%s, %s] (%d x %d points); δ and η are random directions filter-normalised as in Li et al."
                            + " (2018), Visualizing the Loss Landscape of Neural Nets; seed %d. Loss at the trained weights"
                            + " %.4g, lowest on the grid %.4g at (%.3g, %.3g).", chosen.length, data, range, range, steps,
                            steps, seed, surface.centre(), surface.loss()[best[0]][best[1]], grid[best[0]], grid[best[1]]))
                    .image("loss landscape around the trained weights", png, "landscape.svg");
            Report.putSection(report, "landscape", section.fragment());
            console.println("Added the landscape to " + report);
        }
        return 0;
    }

    private void checkOptions() {
        if (steps < 3 || steps > 201 || steps % 2 == 0) {
            throw new UsageException("--steps must be odd, from 3 to 201, so that the trained weights (0, 0) lie on the grid; got "
                    + steps);
        }
        if (!(range > 0) || !Double.isFinite(range)) {
            throw new UsageException("--range must be a positive number, got " + range);
        }
        if (samples < 1) {
            throw new UsageException("--samples must be at least 1, got " + samples);
        }
        if (batchSize < 1) {
            throw new UsageException("--batch-size must be at least 1, got " + batchSize);
        }
        if (threads != null && threads <= 0) {
            throw new UsageException("--threads must be positive, got " + threads);
        }
    }

    /** All examples in order when there are at most {@code samples}; else that many drawn at random, in order. */
    private int[] sample(int size) {
        if (size == 0) {
            throw new CliException(data + ": holds no examples");
        }
        if (samples >= size) {
            return java.util.stream.IntStream.range(0, size).toArray();
        }
        int[] all = java.util.stream.IntStream.range(0, size).toArray();
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = 0; i < samples; i++) {
            int j = i + random.nextInt(size - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] chosen = Arrays.copyOf(all, samples);
        Arrays.sort(chosen);
        return chosen;
    }

    private static void writeCsv(Path file, LossSurface surface) {
        StringBuilder csv = new StringBuilder("alpha,beta,loss\n");
        double[] grid = surface.coordinates();
        for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < grid.length; j++) {
                csv.append(Numbers.digits(grid[i], 6)).append(',').append(Numbers.digits(grid[j], 6)).append(',')
                        .append(Numbers.digits(surface.loss()[i][j], 9)).append('\n');
            }
        }
        try {
            AtomicText.write(file, csv.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
