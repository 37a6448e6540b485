package dev.dendrite.cli;

import dev.dendrite.data.DataFormatException;
import dev.dendrite.data.Dataset;
import dev.dendrite.data.Idx;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/** A directory of the four MNIST-style IDX files (train and t10k images and labels). */
final class IdxDirectory {

    private IdxDirectory() {
    }

    /**
     * What train's {@code --classes} calls the labels of {@code dir}: {@code fashion-mnist}, {@code mnist}, or
     * names separated by commas; without the option, Fashion-MNIST's names when the path says "fashion", else
     * the digits (IDX files name no classes, so something has to).
     */
    static List<String> classNames(String option, Path dir) {
        if (option == null) {
            return fashion(dir) ? Idx.FASHION_MNIST_CLASSES : Idx.MNIST_CLASSES;
        }
        String spec = option.strip();
        if (spec.equalsIgnoreCase("fashion-mnist")) {
            return Idx.FASHION_MNIST_CLASSES;
        }
        if (spec.equalsIgnoreCase("mnist")) {
            return Idx.MNIST_CLASSES;
        }
        List<String> names = Arrays.stream(spec.split(",", -1)).map(String::strip).toList();
        if (names.size() < 2 || names.contains("")) {
            throw new UsageException("--classes takes fashion-mnist, mnist, or two or more names separated by commas;"
                    + " got '" + option + "'");
        }
        if (new HashSet<>(names).size() < names.size()) {
            throw new UsageException("--classes names a class twice: '" + option + "'");
        }
        return names;
    }

    /**
     * Only the test images and labels (t10k) of {@code dir}, for evaluate, predict and landscape: the training
     * files may be absent. IDX labels are bare class indices, so they are read as indices into the model's
     * {@code classNames} (a label past them is an error naming the file and record), whatever the path says.
     */
    static Dataset test(Path dir, List<String> classNames) {
        return Idx.dataset(find(dir, "t10k-images", "idx3"), find(dir, "t10k-labels", "idx1"), classNames);
    }

    private static boolean fashion(Path dir) {
        return dir.toAbsolutePath().toString().toLowerCase(Locale.ROOT).contains("fashion");
    }

    /** {@link Idx#file}, its failure reported as a command-line error. */
    private static Path find(Path dir, String stem, String idx) {
        try {
            return Idx.file(dir, stem, idx);
        } catch (DataFormatException e) {
            throw new CliException(e.getMessage() + " (the test files of an IDX directory)");
        }
    }
}
