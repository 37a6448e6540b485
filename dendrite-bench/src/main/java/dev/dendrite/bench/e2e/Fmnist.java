package dev.dendrite.bench.e2e;

import dev.dendrite.data.Batch;
import dev.dendrite.data.DataLoader;
import dev.dendrite.data.Dataset;
import dev.dendrite.data.Idx;
import dev.dendrite.data.Split;
import dev.dendrite.data.TensorDataset;
import dev.dendrite.nn.Linear;
import dev.dendrite.nn.ReLU;
import dev.dendrite.nn.Seeds;
import dev.dendrite.nn.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's task, shared by both frameworks so they train the same thing: Fashion-MNIST
 * (train 60k, test 10k, pixels scaled to [0, 1], flattened to 784) read by Dendrite's IDX reader
 * (pixels held as bytes and scaled as batches are gathered; the test set made floats after training), the
 * 784-256-128-10 ReLU MLP, and the per-epoch shuffle order of Dendrite's {@link DataLoader}.
 */
final class Fmnist {

    static final int TRAIN_SIZE = 60_000;
    static final int FEATURES = 784;
    static final int CLASSES = 10;

    private Fmnist() {
    }

    static Split load(Path dir) {
        return Idx.fashionMnist(dir);
    }

    /**
     * The MLP with PyTorch's default initialisation (U(+-1/sqrt(fan_in)) for weights and biases) drawn
     * from {@code seed}. The PyTorch side copies these very values, so both start from the same point.
     */
    static Sequential mlp(long seed) {
        Seeds.manualSeed(seed);
        return new Sequential(
                new Linear(FEATURES, 256), new ReLU(),
                new Linear(256, 128), new ReLU(),
                new Linear(128, CLASSES));
    }

    /** The examples of {@code data} with their features as floats in memory (the test set, for inference). */
    static TensorDataset inMemory(Dataset data) {
        int[] all = new int[data.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        Batch batch = data.batch(all);
        return new TensorDataset(batch.features(), batch.targets(), data.classNames());
    }

    /** Test images and labels as plain arrays. */
    static float[] features(TensorDataset data) {
        return data.features().data();
    }

    static int[] labels(TensorDataset data) {
        float[] targets = data.targets().data();
        int[] labels = new int[targets.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (int) targets[i];
        }
        return labels;
    }

    /** CPU time of the whole process (every thread, native ones included) so far, in seconds. */
    static double processCpuSeconds() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean bean ? bean.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    /** The process's peak resident set size (VmHWM) in KiB, or -1 where /proc is missing. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
