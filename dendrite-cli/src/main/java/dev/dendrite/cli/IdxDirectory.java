package dev.dendrite.cli;

import dev.dendrite.data.Idx;
import dev.dendrite.data.Split;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** A directory of the four MNIST-style IDX files (train and t10k images and labels). */
final class IdxDirectory {

    private IdxDirectory() {
    }

    /** Reads {@code dir} as Fashion-MNIST when its path says so, else as MNIST digits; features are flat vectors. */
    static Split read(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            if (files.noneMatch(f -> f.getFileName().toString().startsWith("train-images"))) {
                throw new CliException(dir + ": is a directory without IDX files (train-images-idx3-ubyte, ...);"
                        + " this version trains on CSV files and IDX directories");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
        }
        boolean fashion = dir.toAbsolutePath().toString().toLowerCase(Locale.ROOT).contains("fashion");
        return fashion ? Idx.fashionMnist(dir) : Idx.mnist(dir);
    }
}
