package dev.dendrite.data;

import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;

/**
 * Images listed from a folder with one sub-folder per class, decoded only when asked for: one at a
 * time by {@link #features}, in parallel by {@link #batch}. Features are {@code [channels, height,
 * width]} in [0, 1], targets class indices.
 */
public final class ImageFolderDataset implements Dataset {

    private final Path dir;
    private final List<Path> files;
    private final int[] labels;
    private final List<String> classNames;
    private final ImageDecoder decoder;
    private final Shape featureShape;
    private final int workers;

    ImageFolderDataset(Path dir, List<Path> files, int[] labels, List<String> classNames, ImageDecoder decoder,
            int workers) {
        this.dir = dir;
        this.files = List.copyOf(files);
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        this.decoder = decoder;
        this.featureShape = Shape.of(decoder.channels(), decoder.height(), decoder.width());
        this.workers = workers;
    }

    /** The folder it was read from. */
    public Path dir() {
        return dir;
    }

    /** The image file of example {@code index}. */
    public Path file(int index) {
        return files.get(index);
    }

    @Override
    public int size() {
        return files.size();
    }

    @Override
    public Shape featureShape() {
        return featureShape;
    }

    @Override
    public Shape targetShape() {
        return Shape.scalar();
    }

    @Override
    public void features(int index, float[] destination, int offset) {
        decoder.decode(files.get(index), destination, offset);
    }

    @Override
    public void target(int index, float[] destination, int offset) {
        destination[offset] = labels[index];
    }

    @Override
    public List<String> classNames() {
        return classNames;
    }

    /** Decodes the batch's images in parallel on the decode pool. */
    @Override
    public Batch batch(int[] indices) {
        return batch(indices, new float[indices.length * featureShape.size()], new float[indices.length]);
    }

    @Override
    public Batch batch(int[] indices, float[] features, float[] targets) {
        int n = featureShape.size();
        Batches.requireArrays(indices.length, n, 1, features, targets);
        DecodePool.forEach(indices.length, workers, i -> decoder.decode(files.get(indices[i]), features, i * n));
        for (int i = 0; i < indices.length; i++) {
            targets[i] = labels[indices[i]];
        }
        return new Batch(Tensor.wrap(features, indices.length, decoder.channels(), decoder.height(), decoder.width()),
                Tensor.wrap(targets, indices.length));
    }

    @Override
    public String toString() {
        return "ImageFolderDataset[" + dir + ": " + size() + " images " + featureShape + ", classes " + classNames + "]";
    }
}
