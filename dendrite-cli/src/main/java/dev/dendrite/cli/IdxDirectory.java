package dev.dendrite.cli;

import dev.dendrite.data.DataFormatException;
import dev.dendrite.data.Dataset;
import dev.dendrite.data.Idx;
import dev.dendrite.data.Split;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A directory of the four MNIST-style IDX files (train and t10k images and labels). */
final class IdxDirectory {

    private IdxDirectory() {
    }

    /**
     * Reads {@code dir} for training, as Fashion-MNIST when its path says so, else as MNIST digits (IDX files
     * name no classes, so the path decides what the model will call them); features are flat vectors.
     */
    static Split read(Path dir) {
        return fashion(dir) ? Idx.fashionMnist(dir) : Idx.mnist(dir);
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
