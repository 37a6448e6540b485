package dev.dendrite.cli;

import dev.dendrite.data.Dataset;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dendrite evaluate}: a saved model's metrics on labelled data, prepared as the model file says. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Metrics of a saved model on labelled data: a CSV file, the test images of an IDX directory, or an image "
                + "folder (one sub-directory per class). Inputs are prepared as in training: the model's image size, channels and scaler.")
final class EvaluateCommand implements Callable<Integer> {

    @ParentCommand
    Dendrite app;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model.dendrite file (or a run directory).")
    Path modelFile;

    @Option(names = "--data", required = true, paramLabel = "PATH",
            description = "CSV file with a header row and the target column, a directory of IDX files, or an image folder.")
    Path data;

    @Option(names = "--target", paramLabel = "NAME", description = "Target column of a CSV file (default: the last column).")
    String target;

    @Mixin
    Encoding encoding = new Encoding();

    @Override
    public Integer call() {
        LoadedModel model = LoadedModel.load(modelFile);
        Dataset dataset = LabelledData.read(model, data, target, encoding);
        Evaluation evaluation = Evaluation.of(model.model().module(), model.prepare(dataset), model.task(), model.loss(),
                model.classNames());
        app.out.printf(Locale.ROOT, "Model: %s (%s, reads %s)%nData: %s (%s)%n", model.file(), model.task().label(),
                model.input().describe(), data, DataKind.detect(data).description());
        evaluation.print(app.out, "Metrics");
        return 0;
    }
}
