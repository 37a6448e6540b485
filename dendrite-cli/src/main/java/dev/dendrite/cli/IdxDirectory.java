package dev.dendrite.cli;

import dev.dendrite.data.DataFormatException;
import dev.dendrite.data.Dataset;
import dev.dendrite.data.Idx;
import dev.dendrite.data.Split;
import java.nio.file.Path;
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

    /** {@link Idx#file}, its failure reported as a command-line error. */
    private static Path find(Path dir, String stem, String idx) {
        try {
            return Idx.file(dir, stem, idx);
        } catch (DataFormatException e) {
            throw new CliException(e.getMessage() + " (the test files of an IDX directory)");
        }
    }
}
