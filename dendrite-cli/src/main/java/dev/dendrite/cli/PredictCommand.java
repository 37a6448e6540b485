package dev.dendrite.cli;

import dev.dendrite.data.Dataset;
import dev.dendrite.data.ImageFolderDataset;
import dev.dendrite.data.TensorDataset;
import dev.dendrite.tensor.Tensor;
import dev.dendrite.train.Trainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dendrite predict}: a saved model's predictions for each row of a CSV file, each test image of an IDX
 * directory, or each image file of a folder, prepared as the model file says.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predictions of a saved model: the class and the probability of each class (or the value of a regression) "
                + "for each row of a CSV file, each test image of an IDX directory, or each image of a folder (flat, or one "
                + "sub-directory per class). Known true labels (a CSV target column, the class folder) are copied as 'actual'.")
final class PredictCommand implements Callable<Integer> {

    @ParentCommand
    Dendrite app;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model.dendrite file (or a run directory).")
    Path modelFile;

    @Option(names = "--data", required = true, paramLabel = "PATH",
            description = "CSV file with a header row (the model's feature columns, optionally a target column), a directory "
                    + "of IDX files, or a folder of images (flat, or one sub-directory per class).")
    Path data;

    @Option(names = "--target", paramLabel = "NAME",
            description = "CSV: a column to leave out of the features (default: the last column when there is one column too many).")
    String target;

    @Mixin
    Encoding encoding = new Encoding();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the predictions here (default: standard output).")
    Path out;

    @Override
    public Integer call() {
        LoadedModel model = LoadedModel.load(modelFile);
        DataKind kind = DataKind.detect(data);
        Charset charset = encoding.forCsv(data, kind);
        if (kind != DataKind.CSV && target != null) {
            throw new UsageException("--target applies to CSV files; " + data + " is " + kind.description());
        }
        Predictions predictions = switch (kind) {
            case CSV -> csv(model, charset);
            case IDX -> idx(model);
            case IMAGE_FOLDER, IMAGE_FILES -> images(model, kind);
        };
        List<String> lines = predictions.lines(model);
        if (out == null) {
            lines.forEach(app.out::println);
        } else {
            try {
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.write(out, lines, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
            }
            app.out.printf(Locale.ROOT, "Wrote %d predictions to %s%n", predictions.ids().size(), out);
        }
        return 0;
    }

    private Predictions csv(LoadedModel model, Charset charset) {
        TabularData.checkFile(data);
        model.requireTable(data);
        CsvRows rows = CsvRows.read(data, target, model.inputs(), charset);
        int n = rows.actual().size();
        Tensor features = model.prepare(Tensor.wrap(rows.features(), n, model.inputs()));
        Tensor outputs = Trainer.predict(model.model().module(), new TensorDataset(features, Tensor.zeros(n)), 256);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add(Integer.toString(i));
        }
        return new Predictions("row", ids, rows.targetName() != null ? rows.actual() : null, outputs);
    }

    private Predictions idx(LoadedModel model) {
        Dataset test = ImageData.labelled(model, data, DataKind.IDX);
        Tensor outputs = Trainer.predict(model.model().module(), model.prepare(test), 256);
        List<String> ids = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        float[] label = new float[1];
        for (int i = 0; i < test.size(); i++) {
            ids.add(Integer.toString(i + 1));
            test.target(i, label, 0);
            actual.add(model.classNames().get((int) label[0]));
        }
        return new Predictions("row", ids, actual, outputs);
    }

    private Predictions images(LoadedModel model, DataKind kind) {
        ImageFolderDataset images = ImageData.forPrediction(model, data, kind);
        Tensor outputs = Trainer.predict(model.model().module(), model.prepare(new FlatImages(images)), 256);
        List<String> ids = new ArrayList<>();
        List<String> actual = kind == DataKind.IMAGE_FOLDER ? new ArrayList<>() : null;
        for (int i = 0; i < images.size(); i++) {
            Path file = images.file(i);
            ids.add(data.relativize(file).toString().replace('\\', '/'));
            if (actual != null) {
                actual.add(file.getParent().getFileName().toString());
            }
        }
        return new Predictions("file", ids, actual, outputs);
    }
}
