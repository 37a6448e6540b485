package dev.dendrite.cli;

import dev.dendrite.data.Dataset;
import dev.dendrite.data.Idx;
import dev.dendrite.data.Split;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A directory of the four MNIST-style IDX files (train and t10k images and labels). */
final class IdxDirectory {

    private IdxDirectory() {
    }

    /** Reads {@code dir} as Fashion-MNIST when its path says so, else as MNIST digits; features are flat vectors. */
    static Split read(Path dir) {
        return fashion(dir) ? Idx.fashionMnist(dir) : Idx.mnist(dir);
    }

    /** Only the test images and labels (t10k) of {@code dir}, for evaluate, predict and landscape: the training files may be absent. */
    static Dataset test(Path dir) {
        return Idx.dataset(find(dir, "t10k-images", "idx3"), find(dir, "t10k-labels", "idx1"),
                fashion(dir) ? Idx.FASHION_MNIST_CLASSES : Idx.MNIST_CLASSES);
    }

    private static boolean fashion(Path dir) {
        return dir.toAbsolutePath().toString().toLowerCase(Locale.ROOT).contains("fashion");
    }

    /** The file of {@code stem} in the spellings {@link Idx} reads: {@code stem-idx3-ubyte}, {@code stem.idx3-ubyte}, maybe gzipped. */
    private static Path find(Path dir, String stem, String idx) {
        List<String> tried = new ArrayList<>();
        for (String separator : new String[] {"-", "."}) {
            for (String suffix : new String[] {"", ".gz"}) {
                String name = stem + separator + idx + "-ubyte" + suffix;
                tried.add(name);
                if (Files.isRegularFile(dir.resolve(name))) {
                    return dir.resolve(name);
                }
            }
        }
        throw new CliException(dir + ": none of " + tried + " is in this directory (the test files of an IDX directory)");
    }
}
