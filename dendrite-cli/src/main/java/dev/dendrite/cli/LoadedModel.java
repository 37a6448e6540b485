package dev.dendrite.cli;

import dev.dendrite.data.Preprocessor;
import dev.dendrite.io.Model;
import dev.dendrite.loss.Loss;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A model file read for evaluate, predict or inspect, with what it expects and the task it does. */
record LoadedModel(Path file, Model model, int inputs, int outputs, Task task) {

    static LoadedModel load(Path file) {
        if (Files.isDirectory(file) && Files.isRegularFile(file.resolve("model.dendrite"))) {
            file = file.resolve("model.dendrite");
        }
        if (!Files.exists(file)) {
            throw new CliException(file + ": no such model file");
        }
        Model model = Model.load(file);
        int inputs = model.scaler().map(s -> s.featureShape().size()).orElse(Networks.inputWidth(model.module()));
        int outputs = Networks.outputWidth(model.module());
        List<String> classes = model.classNames();
        Task task = classes.isEmpty() ? Task.REGRESSION : outputs == 1 ? Task.BINARY : Task.MULTICLASS;
        return new LoadedModel(file, model, inputs, outputs, task);
    }

    List<String> classNames() {
        return model.classNames();
    }

    Loss loss() {
        return Networks.loss(Networks.defaultLoss(task), task);
    }

    /** Fails, naming both widths, unless data of {@code features} columns fits the model. */
    void checkWidth(int features, Path data) {
        if (inputs >= 0 && features != inputs) {
            throw new CliException("model " + file + " expects " + inputs + " features per row, but " + data + " has "
                    + features + " feature columns");
        }
    }

    /** The features as the model was trained on them: the model's own scaler applied. */
    dev.dendrite.data.Dataset prepare(dev.dendrite.data.Dataset data) {
        return model.scaler().<dev.dendrite.data.Dataset>map(s -> s.transform(data)).orElse(data);
    }

    dev.dendrite.tensor.Tensor prepare(dev.dendrite.tensor.Tensor features) {
        return model.scaler().map((Preprocessor s) -> s.transform(features)).orElse(features);
    }
}
