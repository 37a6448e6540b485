package dev.dendrite.cli;

import dev.dendrite.data.Csv;
import dev.dendrite.data.CsvDataset;
import dev.dendrite.data.Dataset;
import dev.dendrite.data.TensorDataset;
import dev.dendrite.tensor.Tensor;
import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * Labelled data read for a saved model (evaluate, landscape): a CSV file with its target column, the test
 * images of an IDX directory, or an image folder; features as the model reads them before its scaler,
 * class labels mapped to the model's class indices.
 */
final class LabelledData {

    private LabelledData() {
    }

    /** Reads {@code data} for {@code model}; {@code target} names the CSV target column (null: the last). */
    static Dataset read(LoadedModel model, Path data, String target, Encoding encoding) {
        DataKind kind = DataKind.detect(data);
        Charset charset = encoding.forCsv(data, kind);
        if (kind != DataKind.CSV) {
            if (target != null) {
                throw new UsageException("--target applies to CSV files; " + data + " is " + kind.description());
            }
            return ImageData.labelled(model, data, kind);
        }
        return Encoding.reading(data, charset, () -> csv(model, data, target, charset));
    }

    /** A labelled CSV file: width checked, class labels mapped to the model's class indices. */
    static TensorDataset csv(LoadedModel model, Path data, String target, Charset charset) {
        TabularData.checkFile(data);
        Csv csv = TabularData.open(data, target, charset);
        CsvDataset table = model.task() == Task.REGRESSION ? csv.regression().load() : csv.classification().load();
        model.checkWidth(table.featureShape().size(), data);
        if (model.task() == Task.REGRESSION) {
            return new TensorDataset(table.features(), table.targets());
        }
        Dataset relabelled = Relabelled.toModel(table, model.classNames(), data);
        float[] targets = new float[table.size()];
        for (int i = 0; i < targets.length; i++) {
            relabelled.target(i, targets, i);
        }
        return new TensorDataset(table.features(), Tensor.wrap(targets, targets.length), model.classNames());
    }
}
