package dev.dendrite.cli;

import dev.dendrite.data.Csv;
import dev.dendrite.data.CsvDataset;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** A CSV table read for training or evaluation, and the task its target asks for. */
record TabularData(CsvDataset dataset, Task task) {

    /** Integer targets with at most this many distinct values are taken for classes. */
    static final int MAX_INTEGER_CLASSES = 20;

    /** The bundled breast-cancer file: under {@code dendrite.home} (set by the launcher), else found from the working directory. */
    static Path bundled() {
        Path relative = Path.of("examples", "data", "breast_cancer.csv");
        String home = System.getProperty("dendrite.home");
        if (home != null && Files.isRegularFile(Path.of(home).resolve(relative))) {
            return Path.of(home).resolve(relative);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return Path.of("").toAbsolutePath().relativize(dir.resolve(relative));
            }
        }
        throw new CliException("cannot find the bundled data " + relative + "; pass --data FILE");
    }

    /** Fails unless {@code file} is a readable regular file. */
    static void checkFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new CliException(file + ": is a directory; this version reads CSV files only");
        }
        if (!Files.exists(file)) {
            throw new CliException(file + ": no such file");
        }
        if (!Files.isReadable(file)) {
            throw new CliException(file + ": cannot be read (permission denied)");
        }
    }

    /** Reads {@code file} with {@code target} (a column name, or null for the last column) for {@code task}. */
    static TabularData load(Path file, String target, Task task, Charset charset) {
        checkFile(file);
        return Encoding.reading(file, charset, () -> read(file, target, task, charset));
    }

    private static TabularData read(Path file, String target, Task task, Charset charset) {
        Csv csv = open(file, target, charset);
        return switch (task) {
            case REGRESSION -> new TabularData(csv.regression().load(), Task.REGRESSION);
            case BINARY, MULTICLASS -> {
                CsvDataset data = csv.classification().load();
                int classes = data.classNames().size();
                if (task == Task.BINARY && classes != 2) {
                    throw new CliException("--task binary needs a target with 2 classes, but '" + targetName(data, target)
                            + "' in " + file + " has " + classes + ": " + preview(data));
                }
                yield new TabularData(data, task);
            }
            case AUTO -> {
                CsvDataset data = csv.load();
                if (data.classNames().isEmpty() && fewIntegers(data.targets().toArray())) {
                    data = csv.classification().load();
                }
                if (data.classNames().isEmpty()) {
                    yield new TabularData(data, Task.REGRESSION);
                }
                yield new TabularData(data, data.classNames().size() == 2 ? Task.BINARY : Task.MULTICLASS);
            }
        };
    }

    /** The CSV reader of {@code file} in {@code charset}, with {@code target} as its target column (null: the last). */
    static Csv open(Path file, String target, Charset charset) {
        Csv csv = Csv.read(file).charset(charset);
        return target == null ? csv : csv.target(target);
    }

    private static String targetName(CsvDataset data, String target) {
        return target != null ? target : "the last column";
    }

    private static String preview(CsvDataset data) {
        var names = data.classNames();
        return names.size() <= 10 ? String.join(", ", names) : String.join(", ", names.subList(0, 10)) + ", ...";
    }

    /** Whether every value is an integer and there are few distinct ones (and each, on average, repeats). */
    static boolean fewIntegers(float[] values) {
        Set<Float> distinct = new HashSet<>();
        for (float value : values) {
            if (value != Math.rint(value)) {
                return false;
            }
            distinct.add(value);
            if (distinct.size() > MAX_INTEGER_CLASSES) {
                return false;
            }
        }
        return distinct.size() >= 2 && values.length >= 2 * distinct.size();
    }

    int features() {
        return dataset.featureShape().size();
    }
}
