package dev.dendrite.data;

import dev.dendrite.tensor.Shape;
import java.util.List;

/** A dataset whose features pass through a {@link Preprocessor} as they are read. */
final class TransformedDataset implements Dataset {

    private final Dataset base;
    private final Preprocessor preprocessor;

    TransformedDataset(Dataset base, Preprocessor preprocessor) {
        if (!base.featureShape().equals(preprocessor.featureShape())) {
            throw new dev.dendrite.tensor.ShapeMismatchException(preprocessor.kind() + " preprocessor fitted on features "
                    + preprocessor.featureShape() + " cannot transform a dataset with features " + base.featureShape());
        }
        this.base = base;
        this.preprocessor = preprocessor;
    }

    @Override
    public int size() {
        return base.size();
    }

    @Override
    public Shape featureShape() {
        return base.featureShape();
    }

    @Override
    public Shape targetShape() {
        return base.targetShape();
    }

    @Override
    public void features(int index, float[] destination, int offset) {
        base.features(index, destination, offset);
        preprocessor.transformInPlace(destination, offset);
    }

    @Override
    public void target(int index, float[] destination, int offset) {
        base.target(index, destination, offset);
    }

    @Override
    public List<String> classNames() {
        return base.classNames();
    }

    @Override
    public Batch batch(int[] indices) {
        return transformed(base.batch(indices));
    }

    @Override
    public Batch batch(int[] indices, float[] features, float[] targets) {
        return transformed(base.batch(indices, features, targets));
    }

    private Batch transformed(Batch batch) {
        float[] features = batch.features().data();
        int n = featureShape().size();
        for (int offset = 0; offset < features.length; offset += n) {
            preprocessor.transformInPlace(features, offset);
        }
        return batch;
    }
}
