package dev.dendrite.cli;

import dev.dendrite.data.Batch;
import dev.dendrite.data.Dataset;
import dev.dendrite.data.DatasetView;
import java.nio.file.Path;
import java.util.List;

/**
 * A view of a classification dataset whose class indices are those of a model: the data's class i is the
 * model's class {@code index[i]}, matched by name (a folder of test images may hold fewer classes, in
 * another order, than the model knows).
 */
final class Relabelled extends DatasetView {

    private final int[] index;
    private final List<String> classNames;

    private Relabelled(Dataset base, int[] index, List<String> classNames) {
        super(base);
        this.index = index;
        this.classNames = classNames;
    }

    /** {@code data} with the class indices of {@code modelClasses}; fails naming a class the model does not know. */
    static Dataset toModel(Dataset data, List<String> modelClasses, Path source) {
        List<String> dataClasses = data.classNames();
        if (dataClasses.equals(modelClasses)) {
            return data;
        }
        int[] index = new int[dataClasses.size()];
        for (int c = 0; c < index.length; c++) {
            index[c] = modelClasses.indexOf(dataClasses.get(c));
            if (index[c] < 0) {
                throw new CliException(source + ": holds the class '" + dataClasses.get(c)
                        + "', which the model does not know (its classes: " + String.join(", ", modelClasses) + ")");
            }
        }
        return new Relabelled(data, index, modelClasses);
    }

    @Override
    public void target(int i, float[] destination, int offset) {
        super.target(i, destination, offset);
        destination[offset] = index[(int) destination[offset]];
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    @Override
    protected Batch adapt(Batch batch) {
        float[] targets = batch.targets().data();
        for (int i = 0; i < targets.length; i++) {
            targets[i] = index[(int) targets[i]];
        }
        return batch;
    }
}
