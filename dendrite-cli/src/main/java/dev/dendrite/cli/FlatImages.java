package dev.dendrite.cli;

import dev.dendrite.data.Batch;
import dev.dendrite.data.Dataset;
import dev.dendrite.tensor.Shape;
import java.util.List;

/**
 * A view of an image dataset ({@code [channels, height, width]} per example) with each image as one flat
 * row of {@code channels * height * width} values, the input of a multi-layer perceptron. Batches are
 * still decoded by the base, in parallel.
 */
final class FlatImages implements Dataset {

    private final Dataset base;
    private final Shape shape;

    FlatImages(Dataset base) {
        this.base = base;
        this.shape = Shape.of(base.featureShape().size());
    }

    @Override
    public int size() {
        return base.size();
    }

    @Override
    public Shape featureShape() {
        return shape;
    }

    @Override
    public Shape targetShape() {
        return base.targetShape();
    }

    @Override
    public void features(int index, float[] destination, int offset) {
        base.features(index, destination, offset);
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
        Batch batch = base.batch(indices);
        return new Batch(batch.features().reshape(indices.length, shape.size()), batch.targets());
    }
}
