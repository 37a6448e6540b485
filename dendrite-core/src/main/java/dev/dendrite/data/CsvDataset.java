package dev.dendrite.data;

import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;

/**
 * A table read from a CSV file, in memory: features {@code [n, f]} and targets {@code [n]} (class
 * indices or values), with the names of the feature columns and of the classes.
 */
public final class CsvDataset implements Dataset {

    private final Path file;
    private final TensorDataset rows;
    private final List<String> featureNames;

    CsvDataset(Path file, Tensor features, Tensor targets, List<String> featureNames, List<String> classNames) {
        this.file = file;
        this.rows = new TensorDataset(features, targets, classNames);
        this.featureNames = List.copyOf(featureNames);
    }

    /** The file it was read from. */
    public Path file() {
        return file;
    }

    /** The feature names, one per feature (one-hot columns as {@code column=value}). */
    public List<String> featureNames() {
        return featureNames;
    }

    /** All features, {@code [n, f]}. */
    public Tensor features() {
        return rows.features();
    }

    /** All targets, {@code [n]}. */
    public Tensor targets() {
        return rows.targets();
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    public Shape featureShape() {
        return rows.featureShape();
    }

    @Override
    public Shape targetShape() {
        return rows.targetShape();
    }

    @Override
    public void features(int index, float[] destination, int offset) {
        rows.features(index, destination, offset);
    }

    @Override
    public void target(int index, float[] destination, int offset) {
        rows.target(index, destination, offset);
    }

    @Override
    public List<String> classNames() {
        return rows.classNames();
    }

    @Override
    public String toString() {
        return "CsvDataset[" + file + ": " + size() + " rows, " + featureNames.size() + " features"
                + (classNames().isEmpty() ? "" : ", classes " + classNames()) + "]";
    }
}
