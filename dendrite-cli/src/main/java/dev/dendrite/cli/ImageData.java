package dev.dendrite.cli;

import dev.dendrite.data.Batch;
import dev.dendrite.data.DataFormatException;
import dev.dendrite.data.Dataset;
import dev.dendrite.data.ImageFolder;
import dev.dendrite.data.ImageFolderDataset;
import dev.dendrite.data.Split;
import dev.dendrite.data.TensorDataset;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * Images for the commands: image folders and IDX directories read as flat rows of pixels in [0, 1], at the
 * size and channel count a model was trained on.
 */
final class ImageData {

    /** Image sets up to this many values (512 MB of floats) are decoded once and kept in memory. */
    static final long IN_MEMORY_VALUES = 128L << 20;

    private ImageData() {
    }

    /** The reader of an image folder at {@code format}'s size and channels. */
    static ImageFolder reader(Path dir, InputFormat format) {
        ImageFolder reader = ImageFolder.read(dir).size(format.height(), format.width());
        return format.grayscale() ? reader.grayscale() : reader.rgb();
    }

    /** A labelled image folder as flat rows, decoded into memory when it fits (for training, which reads it every epoch). */
    static Dataset folder(Path dir, InputFormat format) {
        return inMemory(new FlatImages(load(reader(dir, format), false)));
    }

    /** Lists a folder (labelled, or flat when {@code unlabelled}); a stray non-image file is named with advice for the CLI. */
    static ImageFolderDataset load(ImageFolder reader, boolean unlabelled) {
        try {
            return unlabelled ? reader.loadUnlabelled() : reader.load();
        } catch (DataFormatException e) {
            String api = "; remove it or pass skipInvalid()";
            if (e.getMessage() != null && e.getMessage().endsWith(api)) {
                throw new CliException(e.getMessage().substring(0, e.getMessage().length() - api.length())
                        + "; remove it: the folders may hold image files only", e);
            }
            throw e;
        }
    }

    /** {@code data} decoded once into memory (in parallel) when small enough, else as it is. */
    static Dataset inMemory(Dataset data) {
        if ((long) data.size() * data.featureShape().size() > IN_MEMORY_VALUES) {
            return data;
        }
        Batch all = data.batch(IntStream.range(0, data.size()).toArray());
        return new TensorDataset(all.features(), all.targets(), data.classNames());
    }

    /** What an IDX directory's images are: {@code 1 x height x width}, from its test images' shape. */
    static InputFormat idxFormat(Split idx) {
        return idxFormat(idx.test().size() > 0 ? idx.test() : idx.train());
    }

    /** What the images of an IDX dataset are: {@code 1 x side x side} for square ones, else one row. */
    static InputFormat idxFormat(Dataset part) {
        int pixels = part.featureShape().size();
        int side = (int) Math.round(Math.sqrt(pixels));
        return side * side == pixels ? InputFormat.images(1, side, side) : InputFormat.images(1, 1, pixels);
    }

    /**
     * The labelled examples of {@code data} (an IDX directory: its test images; an image folder: all its
     * images, resized to the model's size) as the model reads them, before its scaler, with the model's
     * class indices. Fails, naming both shapes, when the model does not read such images.
     */
    static Dataset labelled(LoadedModel model, Path data, DataKind kind) {
        InputFormat expected = requireImages(model, data, kind);
        if (kind == DataKind.IDX) {
            Dataset test = IdxDirectory.test(data, model.classNames());
            checkShape(model, idxFormat(test), data);
            return test;
        }
        if (kind == DataKind.IMAGE_FILES) {
            throw new CliException(data + ": holds images without class sub-directories, so there are no labels to"
                    + " evaluate against; put each image in the folder of its class, or use predict");
        }
        // read lazily: evaluate decodes each image once anyway, landscape only its sample
        return Relabelled.toModel(new FlatImages(load(reader(data, expected), false)), model.classNames(), data);
    }

    /** The images of a folder (labelled: one sub-directory per class; or flat) at the model's size, for predictions. */
    static ImageFolderDataset forPrediction(LoadedModel model, Path data, DataKind kind) {
        InputFormat expected = requireImages(model, data, kind);
        return load(reader(data, expected), kind == DataKind.IMAGE_FILES);
    }

    /** The model's image format; fails when the model reads table rows. */
    static InputFormat requireImages(LoadedModel model, Path data, DataKind kind) {
        InputFormat expected = model.input();
        if (!expected.isImages()) {
            throw new CliException("model " + model.file() + " reads " + expected.describe() + ", but " + data + " is "
                    + kind.description() + "; pass a CSV file with those columns");
        }
        return expected;
    }

    /** Fails, naming both, unless images of {@code actual}'s format fit the model. */
    static void checkShape(LoadedModel model, InputFormat actual, Path data) {
        InputFormat expected = model.input();
        if (actual.channels() != expected.channels() || actual.height() != expected.height()
                || actual.width() != expected.width()) {
            throw new CliException("model " + model.file() + " expects " + expected.describe() + ", but " + data
                    + " holds " + actual.describe());
        }
    }
}
