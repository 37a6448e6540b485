package dev.dendrite.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The size images are resized to, {@code --image-size WxH}; without the option, the size of the first
 * image of the folder (first class folder and first file in name order), as torchvision reads it.
 *
 * @param width pixels across
 * @param height pixels down
 */
record ImageSize(int width, int height) {

    /** The most pixels the default (first image's) size may have: beyond it, --image-size must say how far to shrink. */
    static final int MAX_DEFAULT_PIXELS = 512 * 512;

    /** Parses {@code WxH} (e.g. {@code 64x48}) or a single {@code N} for a square. */
    static ImageSize parse(String text) {
        String[] parts = text.strip().toLowerCase(java.util.Locale.ROOT).split("x", -1);
        try {
            int width = Integer.parseInt(parts[0].strip());
            int height = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : parts.length == 1 ? width : -1;
            if (width >= 1 && height >= 1 && width <= 8192 && height <= 8192) {
                return new ImageSize(width, height);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--image-size must be WIDTHxHEIGHT in pixels, each 1 to 8192 (e.g. 28x28 or 64x48), got '"
                + text + "'");
    }

    /** The size of the first image in the class folders of {@code root}. */
    static ImageSize firstImage(Path root) {
        for (Path classDir : visible(root)) {
            if (!Files.isDirectory(classDir)) {
                continue;
            }
            for (Path file : visible(classDir)) {
                if (Files.isRegularFile(file)) {
                    ImageSize size = read(file);
                    if (size != null) {
                        return size;
                    }
                }
            }
        }
        throw new CliException(root + ": holds no images in its class folders");
    }

    /** The size from the image's header, or null when ImageIO does not read the file. */
    private static ImageSize read(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new ImageSize(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<Path> visible(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    int pixels() {
        return width * height;
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
