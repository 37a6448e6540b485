package dev.dendrite.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Tiny data sets written for the CLI tests: IDX files and folders of PNG images. */
final class TestData {

    /** The classes of {@link #imageFolder}: their images are dark, mid-grey or light. */
    static final List<String> SHADES = List.of("dark", "light", "mid");

    private TestData() {
    }

    /** {@code n} 4x4 images whose brightness is their label (0, 1 or 2), in MNIST's IDX format, as {@code stem-*}. */
    static void writeIdx(Path dir, String stem, int n, long seed) throws IOException {
        writeIdx(dir, stem, n, 4, seed);
    }

    /** As {@link #writeIdx(Path, String, int, long)} with {@code side x side} images. */
    static void writeIdx(Path dir, String stem, int n, int side, long seed) throws IOException {
        Files.createDirectories(dir);
        var random = new Random(seed);
        int pixels = side * side;
        var images = ByteBuffer.allocate(16 + n * pixels).putInt(0x803).putInt(n).putInt(side).putInt(side);
        var labels = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            int label = i % 3;
            labels.put((byte) label);
            for (int p = 0; p < pixels; p++) {
                images.put((byte) (label * 80 + random.nextInt(40)));
            }
        }
        Files.write(dir.resolve(stem + "-images-idx3-ubyte"), images.array());
        Files.write(dir.resolve(stem + "-labels-idx1-ubyte"), labels.array());
    }

    /**
     * A folder with one sub-folder per class of {@link #SHADES}, {@code perClass} noisy RGB PNGs in each, of
     * {@code width x height} pixels (every fifth one twice as large, so that reading needs resizing).
     */
    static Path imageFolder(Path root, int perClass, int width, int height, long seed) throws IOException {
        var random = new Random(seed);
        for (int c = 0; c < SHADES.size(); c++) {
            Path classDir = Files.createDirectories(root.resolve(SHADES.get(c)));
            int base = switch (SHADES.get(c)) {
                case "dark" -> 20;
                case "mid" -> 110;
                default -> 200;
            };
            for (int i = 0; i < perClass; i++) {
                int scale = i % 5 == 4 ? 2 : 1;
                ImageIO.write(image(width * scale, height * scale, base, random), "png",
                        classDir.resolve(String.format("%s-%03d.png", SHADES.get(c), i)).toFile());
            }
        }
        return root;
    }

    /** An RGB image of noise around the grey level {@code base}. */
    static BufferedImage image(int width, int height, int base, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = clamp(base + random.nextInt(50) - 25);
                int g = clamp(base + random.nextInt(50) - 25);
                int b = clamp(base + random.nextInt(50) - 25);
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
