package dev.dendrite.data;

import dev.dendrite.tensor.ShapeMismatchException;

/** A dataset whose features pass through a {@link Preprocessor} as they are read. */
final class TransformedDataset extends DatasetView {

    private final Preprocessor preprocessor;

    TransformedDataset(Dataset base, Preprocessor preprocessor) {
        super(base);
        if (!base.featureShape().equals(preprocessor.featureShape())) {
            throw new ShapeMismatchException(preprocessor.kind() + " preprocessor fitted on features "
                    + preprocessor.featureShape() + " cannot transform a dataset with features " + base.featureShape());
        }
        this.preprocessor = preprocessor;
    }

    @Override
    public void features(int index, float[] destination, int offset) {
        super.features(index, destination, offset);
        preprocessor.transformInPlace(destination, offset);
    }

    @Override
    protected Batch adapt(Batch batch) {
        float[] features = batch.features().data();
        int n = featureShape().size();
        for (int offset = 0; offset < features.length; offset += n) {
            preprocessor.transformInPlace(features, offset);
        }
        return batch;
    }
}
