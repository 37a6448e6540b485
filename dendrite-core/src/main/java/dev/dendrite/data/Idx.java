package dev.dendrite.data;

import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the IDX files of MNIST and Fashion-MNIST (raw or gzip-compressed):
 *
 * <pre>{@code
 * Split fmnist = Idx.fashionMnist(dir);            // train 60,000 and test 10,000; features [784] in [0, 1]
 *                                                  // (held as bytes, 47 MB, scaled per batch)
 * Split images = Idx.fashionMnist(dir, 1, 28, 28);  // features [1, 28, 28] for convolutions
 * Split data = Idx.fashionMnist(dir).split(0.9, 42); // 10% of train held out for validation
 * }</pre>
 *
 * <p>Magic numbers, dimensions and lengths are checked: a wrong or truncated file fails with a
 * {@link DataFormatException} that names it.
 */
public final class Idx {

    /** Fashion-MNIST's class names, by label. */
    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** MNIST's class names, by label: the digits. */
    public static final List<String> MNIST_CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private Idx() {
    }

    /** Any IDX file's values as floats, unscaled, with its dimensions. */
    public static IdxArray read(Path file) {
        return new IdxReader(file).read(1f);
    }

    /** An image file ({@code [n, rows, cols]} unsigned bytes) as a tensor of the same shape scaled to [0, 1]. */
    public static Tensor images(Path file) {
        IdxArray images = new IdxReader(file).read(255f);
        if (images.type() != 0x08 || images.dims().length < 2) {
            throw new DataFormatException(file, "expected images: unsigned bytes of at least 2 dimensions, found "
                    + describe(images));
        }
        return images.toTensor();
    }

    /** A label file ({@code [n]} unsigned bytes) as class indices. */
    public static int[] labels(Path file) {
        IdxArray labels = read(file);
        if (labels.type() != 0x08 || labels.dims().length != 1) {
            throw new DataFormatException(file, "expected labels: one unsigned byte per record, found "
                    + describe(labels));
        }
        int[] out = new int[labels.records()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) labels.values()[i];
        }
        return out;
    }

    /**
     * Images and their labels as a dataset with features of {@code featureDims} (default: one flat
     * vector per image) and class-index targets; the pixels stay bytes and are scaled to [0, 1] as
     * batches are gathered. The two files must hold as many records, and every label must name one
     * of {@code classNames}.
     */
    public static ByteImageDataset dataset(Path imageFile, Path labelFile, List<String> classNames,
                                           int... featureDims) {
        IdxReader.IdxBytes images = new IdxReader(imageFile).readUnsignedBytes("images");
        if (images.dims().length < 2) {
            throw new DataFormatException(imageFile, "expected images: unsigned bytes of at least 2 dimensions, found "
                    + "type 0x8 with dimensions " + Shape.of(images.dims()));
        }
        int[] labels = labels(labelFile);
        int n = images.dims()[0];
        if (labels.length != n) {
            throw new DataFormatException(labelFile, "holds " + labels.length + " labels, but " + imageFile + " holds "
                    + n + " images; they must pair up one to one");
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] >= classNames.size()) {
                throw new DataFormatException(labelFile, "record " + (i + 1) + " has label " + labels[i]
                        + ", but there are only " + classNames.size() + " classes (0.." + (classNames.size() - 1) + ")");
            }
        }
        Shape imageShape = Shape.of(images.dims()).without(0);
        int perImage = imageShape.size();
        Shape features = featureDims.length == 0 ? Shape.of(perImage) : Shape.of(featureDims);
        if (features.size() != perImage) {
            throw new IllegalArgumentException("feature shape " + features + " does not hold the "
                    + perImage + " pixels of an image " + imageShape);
        }
        return new ByteImageDataset(images.values(), labels, features, classNames);
    }

    /**
     * Fashion-MNIST from the directory holding its four files ({@code train-images-idx3-ubyte},
     * {@code train-labels-idx1-ubyte}, {@code t10k-...}, each optionally {@code .gz}): train and test,
     * no validation part (see {@link Split#split(double, long)}). Features are {@code featureDims},
     * by default {@code [784]}.
     */
    public static Split fashionMnist(Path dir, int... featureDims) {
        return fromDirectory(dir, FASHION_MNIST_CLASSES, featureDims);
    }

    /** MNIST's handwritten digits, read like {@link #fashionMnist(Path, int...)}. */
    public static Split mnist(Path dir, int... featureDims) {
        return fromDirectory(dir, MNIST_CLASSES, featureDims);
    }

    /**
     * The four files of an MNIST-style directory, read like {@link #fashionMnist(Path, int...)}, with label i
     * called {@code classNames.get(i)} (IDX files hold bare indices, so their names come from the caller).
     *
     * @throws DataFormatException naming the label file and record, if a label has no name
     */
    public static Split directory(Path dir, List<String> classNames, int... featureDims) {
        return fromDirectory(dir, List.copyOf(classNames), featureDims);
    }

    private static Split fromDirectory(Path dir, List<String> classes, int... featureDims) {
        ByteImageDataset train = dataset(file(dir, "train-images", "idx3"), file(dir, "train-labels", "idx1"),
                classes, featureDims);
        ByteImageDataset test = dataset(file(dir, "t10k-images", "idx3"), file(dir, "t10k-labels", "idx1"), classes,
                featureDims);
        return new Split(train, new Subset(test, new int[0]), test);
    }

    /**
     * The file of {@code stem} (e.g. {@code t10k-images}, with {@code idx} {@code idx3}) in {@code dir},
     * in the usual spellings: {@code stem-idx3-ubyte} or {@code stem.idx3-ubyte}, each maybe {@code .gz}.
     *
     * @throws DataFormatException naming the directory and every name tried, if none is there
     */
    public static Path file(Path dir, String stem, String idx) {
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
        throw new DataFormatException(dir, Files.isDirectory(dir)
                ? "none of " + tried + " is in this directory"
                : "no such directory; expected one holding the four IDX files");
    }

    private static String describe(IdxArray array) {
        return "type 0x" + Integer.toHexString(array.type()) + " with dimensions " + Shape.of(array.dims());
    }
}
