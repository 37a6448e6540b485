package dev.dendrite.cli;

import dev.dendrite.data.Dataset;
import dev.dendrite.data.Preprocessor;
import dev.dendrite.io.Model;
import dev.dendrite.loss.Loss;
import dev.dendrite.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A model file read for evaluate, predict, inspect or landscape, with what it expects and the task it does.
 *
 * @param file the model file
 * @param model the model
 * @param inputs the number of values per example the network reads
 * @param outputs the number of outputs of the network
 * @param task the task, from the class names and outputs
 * @param input what the model reads (from its file, or a table of {@code inputs} columns for files without it)
 */
record LoadedModel(Path file, Model model, int inputs, int outputs, Task task, InputFormat input) {

    /** Reads {@code file}, or the {@code model.dendrite} of a run directory. */
    static LoadedModel load(Path file) {
        if (Files.isDirectory(file) && Files.isRegularFile(file.resolve("model.dendrite"))) {
            file = file.resolve("model.dendrite");
        }
        if (!Files.exists(file)) {
            throw new CliException(file + ": no such model file");
        }
        if (Files.isDirectory(file)) {
            throw new CliException(file + ": is a directory without a model.dendrite");
        }
        Model model = Model.load(file);
        int inputs = model.scaler().map(s -> s.featureShape().size()).orElse(Networks.inputWidth(model.module()));
        int outputs = Networks.outputWidth(model.module());
        List<String> classes = model.classNames();
        Task task = classes.isEmpty() ? Task.REGRESSION : outputs == 1 ? Task.BINARY : Task.MULTICLASS;
        String inputJson = model.metadata().get(InputFormat.KEY);
        InputFormat input = inputJson == null ? InputFormat.unknownTable(inputs) : InputFormat.fromJson(inputJson, inputs);
        if (inputs >= 0 && input.inputs() != inputs) {
            throw new CliException(file + ": its " + InputFormat.KEY + " says the model reads " + input.describe()
                    + ", but the network takes " + inputs + " inputs; the file is inconsistent");
        }
        return new LoadedModel(file, model, inputs, outputs, task, input);
    }

    List<String> classNames() {
        return model.classNames();
    }

    /** The loss the model was trained with (recorded by train), else the task's default. */
    Loss loss() {
        String training = model.metadata().get(TrainingRecord.KEY);
        String name = training == null ? null : Json.parse(training, TrainingRecord.KEY + " in " + file).path("loss").asText(null);
        return Networks.loss(name == null ? Networks.defaultLoss(task) : name, task);
    }

    /** Fails unless the model reads rows of a table (and not images), naming what it reads. */
    void requireTable(Path data) {
        if (input.isImages()) {
            throw new CliException("model " + file + " reads " + input.describe() + ", but " + data
                    + " is a CSV file; pass an image folder or a directory of IDX files");
        }
    }

    /** Fails, naming both widths, unless data of {@code features} columns fits the model. */
    void checkWidth(int features, Path data) {
        requireTable(data);
        if (inputs >= 0 && features != inputs) {
            throw new CliException("model " + file + " expects " + inputs + " features per row, but " + data + " has "
                    + features + " feature columns");
        }
    }

    /** The features as the model was trained on them: the model's own scaler applied. */
    Dataset prepare(Dataset data) {
        return model.scaler().<Dataset>map(s -> s.transform(data)).orElse(data);
    }

    /** A batch of features {@code [n, inputs]} with the model's own scaler applied. */
    Tensor prepare(Tensor features) {
        return model.scaler().map((Preprocessor s) -> s.transform(features)).orElse(features);
    }
}
