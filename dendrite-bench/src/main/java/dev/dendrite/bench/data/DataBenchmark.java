package dev.dendrite.bench.data;

import dev.dendrite.data.Csv;
import dev.dendrite.data.CsvDataset;
import dev.dendrite.data.Idx;
import dev.dendrite.data.ImageFolder;
import dev.dendrite.data.ImageFolderDataset;
import dev.dendrite.tensor.Tensor;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Times the data readers (a plain main, not JMH: each measurement is seconds long and dominated by
 * I/O and decoding). Prints the best of several runs after a warm-up run. See DATA-BENCHMARKS.md.
 *
 * <p>Arguments: {@code [fashion-mnist dir] [csv megabytes] [image count]}.
 */
public final class DataBenchmark {

    private DataBenchmark() {
    }

    /** Runs the three measurements. */
    public static void main(String[] args) throws IOException {
        Path fashion = Path.of(args.length > 0 ? args[0] : "/usr/share/datasets/fashion-mnist");
        int csvMegabytes = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int images = args.length > 2 ? Integer.parseInt(args[2]) : 4000;
        System.out.printf(Locale.ROOT, "cores: %d, java %s, load average %.1f (timings stretch when it exceeds the"
                + " cores; cpu = process CPU seconds of the best run)%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        idx(fashion);
        Path scratch = Files.createTempDirectory("dendrite-data-bench");
        try {
            csv(scratch, csvMegabytes);
            imageFolder(scratch, images);
        } finally {
            try (Stream<Path> walk = Files.walk(scratch)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void idx(Path dir) {
        Path file = dir.resolve("train-images-idx3-ubyte.gz");
        if (!Files.isRegularFile(file)) {
            System.out.println("idx: skipped, no " + file);
            return;
        }
        double best = best(5, () -> {
            Tensor images = Idx.images(file);
            check(images.dim(0) == 60_000);
        });
        System.out.printf(Locale.ROOT, "idx: 60,000 Fashion-MNIST training images from %s into [60000, 28, 28]:"
                + " best %.3f s%n", file.getFileName(), best);
        double all = best(3, () -> check(Idx.fashionMnist(dir).train().size() == 60_000));
        System.out.printf(Locale.ROOT, "idx: Idx.fashionMnist(dir), all four files: best %.3f s%n", all);
    }

    private static void csv(Path scratch, int megabytes) throws IOException {
        Path file = scratch.resolve("numbers.csv");
        int columns = 20;
        Random random = new Random(1);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            StringBuilder header = new StringBuilder();
            for (int j = 0; j < columns; j++) {
                header.append('x').append(j).append(',');
            }
            out.write(header.append("y\n").toString());
            StringBuilder row = new StringBuilder();
            while (Files.size(file) < (long) megabytes << 20) {
                for (int r = 0; r < 10_000; r++) {
                    row.setLength(0);
                    for (int j = 0; j < columns; j++) {
                        row.append(String.format(Locale.ROOT, "%.6f", random.nextGaussian() * 100)).append(',');
                    }
                    row.append(random.nextInt(2)).append('\n');
                    out.write(row.toString());
                }
                out.flush();
            }
        }
        double megabytesRead = Files.size(file) / 1e6;
        int[] rows = new int[1];
        double best = best(3, () -> rows[0] = Csv.read(file).load().size());
        System.out.printf(Locale.ROOT, "csv: %.1f MB, %,d rows x %d numeric columns + target: best %.3f s = %.0f MB/s%n",
                megabytesRead, rows[0], columns, best, megabytesRead / best);
        CsvDataset data = Csv.read(file).load();
        check(data.featureShape().size() == columns);
    }

    private static void imageFolder(Path scratch, int count) throws IOException {
        Path root = scratch.resolve("images");
        for (int c = 0; c < 4; c++) {
            Files.createDirectories(root.resolve("class" + c));
        }
        IntStream.range(0, count).parallel().forEach(i -> {
            BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
            Random local = new Random(i);
            for (int y = 0; y < 96; y++) {
                for (int x = 0; x < 96; x++) {
                    image.setRGB(x, y, ((x * 2) << 16) | ((y * 2) << 8) | local.nextInt(256));
                }
            }
            try {
                ImageIO.write(image, i % 2 == 0 ? "png" : "jpg",
                        root.resolve("class" + (i % 4)).resolve(i + (i % 2 == 0 ? ".png" : ".jpg")).toFile());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        int[] all = IntStream.range(0, count).toArray();
        int cores = Runtime.getRuntime().availableProcessors();
        for (int workers : new int[] {1, cores}) {
            ImageFolderDataset data = ImageFolder.read(root).size(64, 64).workers(workers).load();
            double best = best(3, () -> check(data.batch(all).size() == count));
            System.out.printf(Locale.ROOT, "images: %,d files (96x96 PNG/JPEG) decoded and resized to [3, 64, 64]"
                    + " on %d worker(s): best %.3f s = %,.0f images/s%n", count, workers, best, count / best);
        }
    }

    private static double best(int runs, Runnable body) {
        body.run();
        double best = Double.MAX_VALUE;
        double cpuOfBest = 0;
        for (int r = 0; r < runs; r++) {
            long cpu = cpuNanos();
            long start = System.nanoTime();
            body.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (seconds < best) {
                best = seconds;
                cpuOfBest = (cpuNanos() - cpu) / 1e9;
            }
        }
        System.out.printf(Locale.ROOT, "  (best of %d: wall %.3f s, cpu %.3f s)%n", runs, best, cpuOfBest);
        return best;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void check(boolean condition) {
        if (!condition) {
            throw new IllegalStateException("benchmark read the wrong amount of data");
        }
    }
}
