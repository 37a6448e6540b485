package dev.dendrite.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/** The kinds of data the commands read, told apart by looking at the path. */
enum DataKind {
    /** A CSV file with a header row. */
    CSV("a CSV file"),
    /** A directory of MNIST-style IDX files (train and t10k images and labels). */
    IDX("a directory of IDX files"),
    /** A directory with one sub-directory of images per class. */
    IMAGE_FOLDER("an image folder"),
    /** A directory of image files without classes (for predict). */
    IMAGE_FILES("a folder of images");

    /** What the commands accept, for error messages. */
    static final String ACCEPTED = "a CSV file, a directory of IDX files (train-images-idx3-ubyte, ...) or an image folder"
            + " (one sub-directory of PNG/JPEG images per class)";

    private final String description;

    DataKind(String description) {
        this.description = description;
    }

    /** E.g. "an image folder". */
    String description() {
        return description;
    }

    /** The kind of {@code path}; fails naming it when it is none of them. */
    static DataKind detect(Path path) {
        if (!Files.exists(path)) {
            throw new CliException(path + ": no such file or directory");
        }
        if (!Files.isReadable(path)) {
            throw new CliException(path + ": cannot be read (permission denied)");
        }
        if (!Files.isDirectory(path)) {
            if (isImage(path)) {
                throw new CliException(path + ": is an image file; pass the folder that holds it, or " + ACCEPTED);
            }
            return CSV;
        }
        List<Path> entries = visible(path);
        if (entries.isEmpty()) {
            throw new CliException(path + ": is an empty directory; expected " + ACCEPTED);
        }
        if (entries.stream().anyMatch(e -> e.getFileName().toString().startsWith("train-images")
                || e.getFileName().toString().startsWith("t10k-images"))) {
            return IDX;
        }
        if (entries.stream().anyMatch(Files::isDirectory)) {
            return IMAGE_FOLDER;
        }
        if (entries.stream().anyMatch(DataKind::isImage)) {
            return IMAGE_FILES;
        }
        throw new CliException(path + ": is a directory of neither IDX files nor images; expected " + ACCEPTED);
    }

    /** Whether ImageIO recognises the file as an image from its first bytes. */
    static boolean isImage(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            return in != null && ImageIO.getImageReaders(in).hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Path> visible(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
