package dev.dendrite.cli;

import dev.dendrite.data.Dataset;
import dev.dendrite.data.Idx;
import dev.dendrite.data.Split;
import dev.dendrite.data.Splits;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The data of a training run, read from a CSV file, a directory of IDX files or an image folder, split into
 * training, validation and test parts, with the task it sets and what the model will read.
 *
 * @param file where it was read from
 * @param kind what kind of data it is
 * @param split the three parts, features as flat rows before scaling
 * @param task the task
 * @param classNames the class names (empty for a regression)
 * @param input what the model reads, for its file
 */
record TrainingData(Path file, DataKind kind, Split split, Task task, List<String> classNames, InputFormat input) {

    /** What {@code train} asked for. */
    record Request(Path file, boolean bundled, String target, Task task, double validation, double test, long seed,
            ImageSize imageSize, boolean grayscale, String classes, Encoding encoding) {
    }

    /** Reads and splits the data of {@code request}, printing one line about it to {@code console}. */
    static TrainingData load(Request request, PrintStream console) {
        Path file = request.file();
        DataKind kind = DataKind.detect(file);
        Charset charset = request.encoding().forCsv(file, kind);
        if (kind != DataKind.CSV && request.target() != null) {
            throw new UsageException("--target applies to CSV files; " + file + " is " + kind.description()
                    + ", whose classes are its " + (kind == DataKind.IDX ? "label files" : "sub-directories"));
        }
        if (kind != DataKind.IDX && request.classes() != null) {
            throw new UsageException("--classes applies to IDX directories; " + file + " is " + kind.description()
                    + ", whose classes are its " + (kind == DataKind.CSV ? "target column's values" : "sub-directories"));
        }
        if (kind != DataKind.IMAGE_FOLDER && kind != DataKind.IMAGE_FILES && (request.imageSize() != null || request.grayscale())) {
            throw new UsageException("--image-size and --grayscale apply to image folders; " + file + " is " + kind.description());
        }
        return switch (kind) {
            case CSV -> csv(request, charset, console);
            case IDX -> idx(request, console);
            case IMAGE_FOLDER -> images(request, console);
            case IMAGE_FILES -> throw new CliException(file + ": holds images but no class sub-directories; train needs one"
                    + " sub-directory of images per class (the directory's name is the class)");
        };
    }

    private static TrainingData csv(Request request, Charset charset, PrintStream console) {
        Path file = request.file();
        String targetName = request.target() == null && request.bundled() ? "diagnosis" : request.target();
        TabularData table = TabularData.load(file, targetName, request.task(), charset);
        var dataset = table.dataset();
        Task task = table.task();
        List<String> classNames = dataset.classNames();
        console.printf(Locale.ROOT, "Data: %s: %d rows, %d features, target %s (%s%s)%n", file, dataset.size(),
                table.features(), targetName != null ? targetName : "the last column", task.label(),
                classNames.isEmpty() ? "" : ": " + String.join(", ", classNames));
        double trainFraction = 1 - request.validation() - request.test();
        Split split = task == Task.REGRESSION
                ? Splits.random(dataset, trainFraction, request.validation(), request.test(), request.seed())
                : Splits.stratified(dataset, trainFraction, request.validation(), request.test(), request.seed());
        return new TrainingData(file, DataKind.CSV, split, task, classNames, InputFormat.table(dataset.featureNames(), targetName));
    }

    private static TrainingData idx(Request request, PrintStream console) {
        Path file = request.file();
        Split idx = Idx.directory(file, IdxDirectory.classNames(request.classes(), file));
        Task task = classTask(request.task(), file, idx.train().classNames().size(), false);
        InputFormat input = ImageData.idxFormat(idx);
        console.printf(Locale.ROOT, "Data: %s: IDX images, %d training and %d test examples, %d features (%s: %s)%n",
                file, idx.train().size(), idx.test().size(), input.inputs(), task.label(),
                String.join(", ", idx.train().classNames()));
        return new TrainingData(file, DataKind.IDX, idx.stratifiedSplit(1 - request.validation(), request.seed()), task,
                idx.train().classNames(), input);
    }

    private static TrainingData images(Request request, PrintStream console) {
        Path dir = request.file();
        ImageSize size = request.imageSize();
        if (size == null) {
            size = ImageSize.firstImage(dir);
            if (size.pixels() > ImageSize.MAX_DEFAULT_PIXELS) {
                throw new UsageException(dir + ": the first image is " + size + " pixels, too large to use as the input size of"
                        + " a multi-layer perceptron; pass --image-size WxH (e.g. 64x64) to resize the images");
            }
        }
        InputFormat input = InputFormat.images(request.grayscale() ? 1 : 3, size.height(), size.width());
        Dataset images = ImageData.folder(dir, input);
        List<String> classNames = images.classNames();
        Task task = classTask(request.task(), dir, classNames.size(), true);
        console.printf(Locale.ROOT, "Data: %s: image folder, %d images, resized to %s %s (%,d features), %s: %s%n", dir,
                images.size(), size, request.grayscale() ? "grayscale" : "RGB", input.inputs(), task.label(),
                String.join(", ", classNames));
        double trainFraction = 1 - request.validation() - request.test();
        Split split = Splits.stratified(images, trainFraction, request.validation(), request.test(), request.seed());
        return new TrainingData(dir, DataKind.IMAGE_FOLDER, split, task, classNames, input);
    }

    /** The task of a classification by classes; two classes make a binary task unless multiclass is asked for. */
    private static Task classTask(Task asked, Path file, int classes, boolean twoIsBinary) {
        if (asked == Task.REGRESSION || (asked == Task.BINARY && classes != 2)) {
            throw new UsageException("--task " + asked.label() + " does not fit " + file + ", which has " + classes + " classes");
        }
        if (classes < 2) {
            throw new CliException(file + ": has " + classes + " class; a classifier needs at least 2");
        }
        if (asked == Task.BINARY || (asked == Task.AUTO && twoIsBinary && classes == 2)) {
            return Task.BINARY;
        }
        return Task.MULTICLASS;
    }
}
