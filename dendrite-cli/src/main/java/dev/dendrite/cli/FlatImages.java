package dev.dendrite.cli;

import dev.dendrite.data.Batch;
import dev.dendrite.data.Dataset;
import dev.dendrite.data.DatasetView;
import dev.dendrite.tensor.Shape;

/**
 * A view of an image dataset ({@code [channels, height, width]} per example) with each image as one flat
 * row of {@code channels * height * width} values, the input of a multi-layer perceptron. Batches are
 * still decoded by the base, in parallel.
 */
final class FlatImages extends DatasetView {

    private final Shape shape;

    FlatImages(Dataset base) {
        super(base);
        this.shape = Shape.of(base.featureShape().size());
    }

    @Override
    public Shape featureShape() {
        return shape;
    }

    @Override
    protected Batch adapt(Batch batch) {
        return new Batch(batch.features().reshape(batch.features().dims()[0], shape.size()), batch.targets());
    }
}
