package dev.dendrite.data;

import dev.dendrite.kernel.ByteConversions;
import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.ShapeMismatchException;
import java.util.List;

/**
 * Images held as unsigned bytes, one per pixel (a quarter of the memory of floats), with class-index
 * targets. A pixel {@code v} is read as {@code v / 255}, in [0, 1], when its example is gathered into a
 * batch, as torchvision keeps MNIST as uint8 and scales each item. {@link Idx} returns these.
 */
public final class ByteImageDataset implements Dataset {

    private final byte[] pixels;
    private final int[] labels;
    private final Shape featureShape;
    private final int featureSize;
    private final List<String> classNames;

    /**
     * Examples from {@code pixels} (example i's {@code featureShape.size()} bytes at
     * {@code i * featureShape.size()}, taken without a copy) and their class indices {@code labels};
     * every label must index {@code classNames} when names are given.
     */
    public ByteImageDataset(byte[] pixels, int[] labels, Shape featureShape, List<String> classNames) {
        this.featureSize = featureShape.size();
        if ((long) labels.length * featureSize != pixels.length) {
            throw new ShapeMismatchException("ByteImageDataset: " + labels.length + " labels with features "
                    + featureShape + " need " + (long) labels.length * featureSize + " pixels, got " + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || !classNames.isEmpty() && labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("ByteImageDataset: label " + labels[i] + " of example " + i
                        + " names no class of " + classNames.size());
            }
        }
        this.pixels = pixels;
        this.labels = labels.clone();
        this.featureShape = featureShape;
        this.classNames = List.copyOf(classNames);
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public Shape featureShape() {
        return featureShape;
    }

    /** {@code []}: one class index per example. */
    @Override
    public Shape targetShape() {
        return Shape.scalar();
    }

    @Override
    public void features(int index, float[] destination, int offset) {
        ByteConversions.unsignedDivided(pixels, index * featureSize, 255f, destination, offset, featureSize);
    }

    @Override
    public void target(int index, float[] destination, int offset) {
        destination[offset] = labels[index];
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    /** The same examples with their features as floats in one tensor (four times the memory of the bytes). */
    public TensorDataset toTensorDataset() {
        Batch all = batch(Permutations.identity(size()));
        return new TensorDataset(all.features(), all.targets(), classNames);
    }

    @Override
    public String toString() {
        return "ByteImageDataset[" + size() + " x " + featureShape + ", " + classNames.size() + " classes]";
    }
}
