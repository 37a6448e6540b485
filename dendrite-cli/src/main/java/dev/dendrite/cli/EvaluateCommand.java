package dev.dendrite.cli;

import dev.dendrite.data.Csv;
import dev.dendrite.data.CsvDataset;
import dev.dendrite.data.TensorDataset;
import dev.dendrite.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dendrite evaluate}: a saved model's metrics on labelled data, with the model's own scaler. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Metrics of a saved model on labelled CSV data (the model's own scaler is applied).")
final class EvaluateCommand implements Callable<Integer> {

    @ParentCommand
    Dendrite app;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model.dendrite file (or a run directory).")
    Path modelFile;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file with a header row and the target column.")
    Path data;

    @Option(names = "--target", paramLabel = "NAME", description = "Target column (default: the last column).")
    String target;

    @Override
    public Integer call() {
        LoadedModel model = LoadedModel.load(modelFile);
        TensorDataset dataset = labelled(model, data, target);
        Evaluation evaluation = Evaluation.of(model.model().module(), model.prepare(dataset), model.task(), model.loss(),
                model.classNames());
        app.out.printf(Locale.ROOT, "Model: %s (%s)%nData: %s%n", model.file(), model.task().label(), data);
        evaluation.print(app.out, "Metrics");
        return 0;
    }

    /** Reads labelled {@code data} for {@code model}: width checked, class labels mapped to the model's class indices. */
    static TensorDataset labelled(LoadedModel model, Path data, String target) {
        TabularData.checkFile(data);
        Csv csv = target == null ? Csv.read(data) : Csv.read(data).target(target);
        CsvDataset table = model.task() == Task.REGRESSION ? csv.regression().load() : csv.classification().load();
        model.checkWidth(table.featureShape().size(), data);
        if (model.task() == Task.REGRESSION) {
            return new TensorDataset(table.features(), table.targets());
        }
        List<String> modelClasses = model.classNames();
        List<String> dataClasses = table.classNames();
        int[] index = new int[dataClasses.size()];
        for (int c = 0; c < index.length; c++) {
            index[c] = modelClasses.indexOf(dataClasses.get(c));
            if (index[c] < 0) {
                throw new CliException(data + ": the target holds the class '" + dataClasses.get(c)
                        + "', which the model does not know (its classes: " + String.join(", ", modelClasses) + ")");
            }
        }
        float[] targets = table.targets().toArray();
        for (int i = 0; i < targets.length; i++) {
            targets[i] = index[(int) targets[i]];
        }
        return new TensorDataset(table.features(), Tensor.wrap(targets, targets.length), modelClasses);
    }
}
