package dev.dendrite.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.tensor.Shape;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderTest {

    @TempDir
    Path dir;

    /** Fashion-MNIST test images (real ones when the package is installed, else a synthetic pattern). */
    private TensorDataset fashion(int n) throws IOException {
        if (Files.isDirectory(IdxTest.FASHION_MNIST)) {
            Dataset test = Idx.fashionMnist(IdxTest.FASHION_MNIST).test();
            return (TensorDataset) materialise(new Subset(test, Permutations.identity(n)));
        }
        Path tmp = Files.createTempDirectory(dir, "idx");
        IdxFiles.write(tmp.resolve("i-idx3-ubyte"), IdxFiles.images(n, 28, 28));
        IdxFiles.write(tmp.resolve("l-idx1-ubyte"), IdxFiles.labels(n, 10));
        return Idx.dataset(tmp.resolve("i-idx3-ubyte"), tmp.resolve("l-idx1-ubyte"), Idx.FASHION_MNIST_CLASSES)
                .toTensorDataset();
    }

    private static Dataset materialise(Dataset data) {
        Batch all = data.batch(Permutations.identity(data.size()));
        return new TensorDataset(all.features(), all.targets(), data.classNames());
    }

    /** Writes the dataset's images as 8-bit gray PNGs into one folder per class; returns the root. */
    private Path writePngFolder(TensorDataset data) throws IOException {
        Path root = dir.resolve("fashion");
        float[] pixels = data.features().data();
        for (int i = 0; i < data.size(); i++) {
            String name = data.classNames().get((int) data.targets().data()[i]).replace('/', '_');
            Path classDir = Files.createDirectories(root.resolve(name));
            BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            for (int p = 0; p < 784; p++) {
                image.getRaster().setSample(p % 28, p / 28, 0, Math.round(pixels[i * 784 + p] * 255));
            }
            ImageIO.write(image, "png", classDir.resolve(String.format("%05d.png", i)).toFile());
        }
        return root;
    }

    private static BufferedImage solid(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private Path colourFolder() throws IOException {
        Path root = dir.resolve("colours");
        Files.createDirectories(root.resolve("red"));
        Files.createDirectories(root.resolve("blue"));
        ImageIO.write(solid(40, 30, Color.RED), "jpg", root.resolve("red/a.jpg").toFile());
        ImageIO.write(solid(100, 75, new Color(200, 0, 0)), "jpg", root.resolve("red/b.jpeg").toFile());
        ImageIO.write(solid(17, 23, Color.BLUE), "jpg", root.resolve("blue/c.jpg").toFile());
        ImageIO.write(solid(64, 80, Color.BLUE), "bmp", root.resolve("blue/d.bmp").toFile());
        ImageIO.write(solid(9, 9, Color.BLUE), "gif", root.resolve("blue/e.gif").toFile());
        return root;
    }

    @Test
    void readsFashionMnistPngsExactly() throws IOException {
        TensorDataset source = fashion(300);
        ImageFolderDataset images = ImageFolder.read(writePngFolder(source)).grayscale().load();
        assertThat(images.size()).isEqualTo(300);
        assertThat(images.featureShape()).isEqualTo(Shape.of(1, 28, 28));
        assertThat(images.classNames()).isSorted();
        Batch batch = images.batch(Permutations.identity(images.size()));
        float[] expected = new float[784];
        float[] actual = new float[784];
        for (int i = 0; i < images.size(); i++) {
            int original = Integer.parseInt(images.file(i).getFileName().toString().substring(0, 5));
            source.features(original, expected, 0);
            System.arraycopy(batch.features().data(), i * 784, actual, 0, 784);
            assertThat(actual).as("image %d", original).containsExactly(expected);
            String sourceClass = source.classNames().get((int) source.targets().data()[original]);
            assertThat(images.classNames().get((int) batch.targets().data()[i])).isEqualTo(sourceClass.replace('/', '_'));
        }
    }

    @Test
    void resizesAndAddsChannels() throws IOException {
        ImageFolderDataset images = ImageFolder.read(writePngFolder(fashion(20))).size(14, 14).rgb().load();
        assertThat(images.featureShape()).isEqualTo(Shape.of(3, 14, 14));
        float[] one = new float[3 * 14 * 14];
        images.features(0, one, 0);
        assertThat(Arrays.copyOfRange(one, 0, 196)).containsExactly(Arrays.copyOfRange(one, 196, 392));
        float max = 0;
        for (float v : one) {
            assertThat(v).isBetween(0f, 1f);
            max = Math.max(max, v);
        }
        assertThat(max).isGreaterThan(0.1f);
    }

    @Test
    void readsColourJpegBmpAndGifOfDifferentSizes() throws IOException {
        ImageFolderDataset images = ImageFolder.read(colourFolder()).size(8, 8).load();
        assertThat(images.classNames()).containsExactly("blue", "red");
        assertThat(images.size()).isEqualTo(5);
        Batch batch = DataLoader.of(images).batchSize(5).epoch(0).iterator().next();
        assertThat(batch.features().shape()).isEqualTo(Shape.of(5, 3, 8, 8));
        assertThat(batch.targets().data()).containsExactly(0f, 0f, 0f, 1f, 1f);
        float[] f = batch.features().data();
        int n = 3 * 64;
        for (int i = 0; i < 3; i++) {
            assertThat(f[i * n + 10]).as("red of blue image %d", i).isCloseTo(0f, within(0.05f));
            assertThat(f[i * n + 128 + 10]).as("blue of blue image %d", i).isCloseTo(1f, within(0.05f));
        }
        assertThat(f[3 * n + 10]).isCloseTo(1f, within(0.05f));
        assertThat(f[4 * n + 10]).isCloseTo(200 / 255f, within(0.05f));
        assertThat(f[4 * n + 64 + 10]).isCloseTo(0f, within(0.05f));

        ImageFolderDataset gray = ImageFolder.read(dir.resolve("colours")).size(8, 8).grayscale().load();
        float[] luma = new float[64];
        gray.features(3, luma, 0);
        assertThat(luma[20]).isCloseTo(0.299f, within(0.03f));
    }

    @Test
    void differentSizesWithoutResizeAreNamed() throws IOException {
        Path root = colourFolder();
        ImageFolderDataset images = ImageFolder.read(root).load();
        assertThat(images.featureShape()).isEqualTo(Shape.of(3, 23, 17));
        assertThatThrownBy(() -> images.batch(new int[] {0, 1})).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(root.resolve("blue/d.bmp") + ": image is 80x64")
                .hasMessageContaining("size(height, width)");
    }

    @Test
    void nonImageFileIsReportedOrSkipped() throws IOException {
        Path root = colourFolder();
        Files.writeString(root.resolve("red/notes.txt"), "taken on Monday");
        Files.writeString(root.resolve(".DS_Store"), "finder");
        assertThatThrownBy(() -> ImageFolder.read(root).size(8, 8).load()).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(root.resolve("red/notes.txt") + ": is not an image")
                .hasMessageContaining("skipInvalid()");
        assertThat(ImageFolder.read(root).size(8, 8).skipInvalid().load().size()).isEqualTo(5);
    }

    @Test
    void corruptImageIsNamedWhenDecoded() throws IOException {
        Path root = colourFolder();
        byte[] png;
        try (var out = new java.io.ByteArrayOutputStream()) {
            ImageIO.write(solid(50, 50, Color.GREEN), "png", out);
            png = out.toByteArray();
        }
        Path broken = root.resolve("red/broken.png");
        Files.write(broken, Arrays.copyOf(png, png.length / 2));
        ImageFolderDataset images = ImageFolder.read(root).size(8, 8).load();
        var loader = DataLoader.of(images).batchSize(2).prefetch(1);
        assertThatThrownBy(() -> loader.epoch(0).forEach(batch -> { }))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(broken + ": corrupt");

        Path jpeg = root.resolve("red/cut.jpg");
        byte[] full = Files.readAllBytes(root.resolve("red/b.jpeg"));
        Files.write(jpeg, Arrays.copyOf(full, full.length / 2));
        ImageFolderDataset again = ImageFolder.read(root).size(8, 8).load();
        int index = java.util.stream.IntStream.range(0, again.size()).filter(i -> again.file(i).equals(jpeg))
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> again.features(index, new float[192], 0)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(jpeg + ": corrupt");
    }

    @Test
    void emptyClassFolderAndMissingFolders() throws IOException {
        Path root = colourFolder();
        Files.createDirectories(root.resolve("green"));
        assertThatThrownBy(() -> ImageFolder.read(root).load()).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(root.resolve("green") + ": class folder 'green' holds no images");
        Path flat = Files.createDirectories(dir.resolve("flat"));
        assertThatThrownBy(() -> ImageFolder.read(flat).load()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("no class sub-folders");
        assertThatThrownBy(() -> ImageFolder.read(dir.resolve("nope")).load())
                .isInstanceOf(DataFormatException.class).hasMessageContaining("no such directory");
    }

    @Test
    void parallelBatchEqualsOneByOne() throws IOException {
        ImageFolderDataset images = ImageFolder.read(colourFolder()).size(12, 10).workers(4).load();
        int[] order = {4, 0, 3, 1, 2};
        Batch batch = images.batch(order);
        float[] one = new float[3 * 12 * 10];
        for (int i = 0; i < order.length; i++) {
            images.features(order[i], one, 0);
            assertThat(Arrays.copyOfRange(batch.features().data(), i * one.length, (i + 1) * one.length))
                    .containsExactly(one);
        }
    }

    @Test
    void unlabelledImagesAreListedDirectlyInTheFolder() throws IOException {
        Path flat = Files.createDirectories(dir.resolve("flat"));
        ImageIO.write(solid(6, 4, Color.WHITE), "png", flat.resolve("b.png").toFile());
        ImageIO.write(solid(3, 2, Color.BLACK), "png", flat.resolve("a.png").toFile());
        Files.writeString(flat.resolve(".hidden"), "ignored");

        ImageFolderDataset images = ImageFolder.read(flat).size(2, 3).grayscale().loadUnlabelled();

        assertThat(images.size()).isEqualTo(2);
        assertThat(images.file(0).getFileName().toString()).isEqualTo("a.png");
        assertThat(images.classNames()).isEmpty();
        assertThat(images.featureShape()).isEqualTo(Shape.of(1, 2, 3));
        float[] pixels = images.batch(new int[] {0, 1}).features().data();
        assertThat(pixels[0]).isEqualTo(0f);
        assertThat(pixels[6]).isCloseTo(1f, within(1e-6f));

        Files.writeString(flat.resolve("notes.txt"), "not an image");
        assertThatThrownBy(() -> ImageFolder.read(flat).loadUnlabelled()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("notes.txt").hasMessageContaining("not an image");
        Files.createDirectories(flat.resolve("cats"));
        assertThatThrownBy(() -> ImageFolder.read(flat).loadUnlabelled()).hasMessageContaining("cats")
                .hasMessageContaining("sub-folder");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> ImageFolder.read(empty).loadUnlabelled()).hasMessageContaining("holds no images");
    }
}
