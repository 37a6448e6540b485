package dev.dendrite.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dendrite.tensor.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {

    static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    @TempDir
    Path dir;

    private void writeSet(String prefix, int n, String suffix) throws IOException {
        IdxFiles.write(dir.resolve(prefix + "-images-idx3-ubyte" + suffix), IdxFiles.images(n, 4, 3));
        IdxFiles.write(dir.resolve(prefix + "-labels-idx1-ubyte" + suffix), IdxFiles.labels(n, 10));
    }

    @Test
    void readsRawAndGzipFilesAlike() throws IOException {
        Path raw = IdxFiles.write(dir.resolve("a-idx3-ubyte"), IdxFiles.images(30, 4, 3));
        Path gz = IdxFiles.write(dir.resolve("b-idx3-ubyte.gz"), IdxFiles.images(30, 4, 3));
        var images = Idx.images(raw);
        assertThat(images.shape()).isEqualTo(Shape.of(30, 4, 3));
        assertThat(images.data()[1]).isEqualTo(1 / 255f);
        assertThat(images.data()[255]).isEqualTo(1f);
        assertThat(Idx.images(gz).data()).isEqualTo(images.data());
        assertThat(Idx.read(raw).values()[7]).isEqualTo(7f);
    }

    @Test
    void readsAFashionMnistStyleDirectory() throws IOException {
        writeSet("train", 20, ".gz");
        writeSet("t10k", 6, "");
        Split data = Idx.fashionMnist(dir);
        assertThat(data.train().size()).isEqualTo(20);
        assertThat(data.test().size()).isEqualTo(6);
        assertThat(data.validation().size()).isZero();
        assertThat(data.train().featureShape()).isEqualTo(Shape.of(12));
        assertThat(data.train().classNames()).hasSize(10).startsWith("T-shirt/top");
        float[] target = new float[1];
        data.train().target(13, target, 0);
        assertThat(target[0]).isEqualTo(3f);
        assertThat(Idx.fashionMnist(dir, 1, 4, 3).train().featureShape()).isEqualTo(Shape.of(1, 4, 3));
        assertThatThrownBy(() -> Idx.fashionMnist(dir, 1, 28, 28)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[1, 28, 28]");
        Split held = data.split(0.75, 1);
        assertThat(held.train().size()).isEqualTo(15);
        assertThat(held.validation().size()).isEqualTo(5);
        assertThat(held.test().size()).isEqualTo(6);
    }

    @Test
    void aDirectoryTakesTheNamesItsLabelsAreCalled() throws IOException {
        writeSet("train", 20, "");
        writeSet("t10k", 6, "");
        List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        Split data = Idx.directory(dir, names, 1, 4, 3);
        assertThat(data.train().classNames()).isEqualTo(names);
        assertThat(data.test().classNames()).isEqualTo(names);
        assertThat(data.train().featureShape()).isEqualTo(Shape.of(1, 4, 3));
        // The labels run 0..9: nine names leave label 9 (record 10) without one.
        assertThatThrownBy(() -> Idx.directory(dir, names.subList(0, 9))).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("train-labels-idx1-ubyte").hasMessageContaining("record 10 has label 9")
                .hasMessageContaining("only 9 classes");
    }

    @Test
    void theDatasetHoldsBytesAndGivesTheFloatsOfTheImageFile() throws IOException {
        writeSet("train", 20, ".gz");
        writeSet("t10k", 6, "");
        Dataset train = Idx.fashionMnist(dir).train();
        assertThat(train).isInstanceOf(ByteImageDataset.class);
        float[] expected = Idx.images(dir.resolve("train-images-idx3-ubyte.gz")).data();
        Batch all = train.batch(Permutations.identity(20));
        assertThat(all.features().data()).isEqualTo(expected);
        assertThat(all.features().dims()).containsExactly(20, 12);
        float[] one = new float[12];
        train.features(7, one, 0);
        assertThat(one).isEqualTo(Arrays.copyOfRange(expected, 7 * 12, 8 * 12));
        assertThat(((ByteImageDataset) train).toTensorDataset().features().data()).isEqualTo(expected);
    }

    @Test
    void truncatedImagesForADatasetAreNamed() throws IOException {
        byte[] whole = IdxFiles.images(10, 4, 3);
        Path images = IdxFiles.write(dir.resolve("cut-idx3-ubyte.gz"), Arrays.copyOf(whole, whole.length - 20));
        Path labels = IdxFiles.write(dir.resolve("l-idx1-ubyte"), IdxFiles.labels(10, 10));
        assertThatThrownBy(() -> Idx.dataset(images, labels, Idx.MNIST_CLASSES))
                .isInstanceOf(DataFormatException.class).hasMessageStartingWith(images + ": truncated")
                .hasMessageContaining("10 records of 12 values");
    }

    @Test
    void missingFilesAreNamed() {
        assertThatThrownBy(() -> Idx.fashionMnist(dir)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("train-images-idx3-ubyte.gz");
    }

    @Test
    void truncatedFile() throws IOException {
        byte[] whole = IdxFiles.images(10, 4, 3);
        Path raw = IdxFiles.write(dir.resolve("cut-idx3-ubyte"), Arrays.copyOf(whole, whole.length - 20));
        assertThatThrownBy(() -> Idx.images(raw)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(raw + ": truncated")
                .hasMessageContaining("10 records of 12 values").hasMessageContaining("ends in record 9");
        Path gz = IdxFiles.write(dir.resolve("cut-idx3-ubyte.gz"), Arrays.copyOf(whole, whole.length - 20));
        assertThatThrownBy(() -> Idx.images(gz)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(gz + ": truncated");
        Path header = IdxFiles.write(dir.resolve("h-idx3-ubyte"), Arrays.copyOf(whole, 9));
        assertThatThrownBy(() -> Idx.images(header)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("header ends");
    }

    @Test
    void truncatedGzipStream() throws IOException {
        Path full = IdxFiles.write(dir.resolve("full-idx3-ubyte.gz"), IdxFiles.images(200, 28, 28));
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cutgz-idx3-ubyte.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> Idx.images(cut)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(cut.toString());
    }

    @Test
    void wrongMagicNumber() throws IOException {
        byte[] bytes = IdxFiles.images(2, 2, 2);
        bytes[2] = 0x07;
        Path file = IdxFiles.write(dir.resolve("magic-idx3-ubyte"), bytes);
        assertThatThrownBy(() -> Idx.images(file)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(file + ": not an IDX file: magic number 0x00000703");
        Path png = IdxFiles.write(dir.resolve("x.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4});
        assertThatThrownBy(() -> Idx.read(png)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("not an IDX file");
    }

    @Test
    void extraDataAfterThePromisedValues() throws IOException {
        byte[] whole = IdxFiles.images(2, 2, 2);
        Path file = IdxFiles.write(dir.resolve("long-idx3-ubyte"), Arrays.copyOf(whole, whole.length + 3));
        assertThatThrownBy(() -> Idx.images(file)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("has data after the 8 values");
    }

    @Test
    void imagesAndLabelsWithDifferentCounts() throws IOException {
        Path images = IdxFiles.write(dir.resolve("i-idx3-ubyte"), IdxFiles.images(5, 2, 2));
        Path labels = IdxFiles.write(dir.resolve("l-idx1-ubyte"), IdxFiles.labels(4, 3));
        assertThatThrownBy(() -> Idx.dataset(images, labels, Idx.MNIST_CLASSES))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(labels + ": holds 4 labels, but " + images + " holds 5 images");
    }

    @Test
    void labelsSwappedForImagesOrOutOfRange() throws IOException {
        Path images = IdxFiles.write(dir.resolve("i-idx3-ubyte"), IdxFiles.images(5, 2, 2));
        Path labels = IdxFiles.write(dir.resolve("l-idx1-ubyte"), IdxFiles.labels(5, 12));
        assertThatThrownBy(() -> Idx.dataset(labels, images, Idx.MNIST_CLASSES))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("expected images");
        assertThatThrownBy(() -> Idx.dataset(images, labels, Idx.MNIST_CLASSES.subList(0, 3)))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("record 4 has label 3");
    }

    @Test
    void readsTheRealFashionMnist() {
        Assumptions.assumeTrue(Files.isDirectory(FASHION_MNIST), "dataset-fashion-mnist is not installed");
        Split data = Idx.fashionMnist(FASHION_MNIST, 1, 28, 28);
        assertThat(data.train().size()).isEqualTo(60_000);
        assertThat(data.test().size()).isEqualTo(10_000);
        assertThat(data.train().featureShape()).isEqualTo(Shape.of(1, 28, 28));
        int[] counts = new int[10];
        for (int label : Labels.of(data.train(), "test")) {
            counts[label]++;
        }
        assertThat(counts).containsOnly(6000);
        float[] pixels = ((ByteImageDataset) data.train()).toTensorDataset().features().data();
        float max = 0;
        for (float p : pixels) {
            max = Math.max(max, p);
        }
        assertThat(max).isEqualTo(1f);
    }
}
