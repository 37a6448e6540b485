package dev.dendrite.data;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Seeded train / validation / test splits of a dataset, at random or stratified by class.
 *
 * <p>Each part keeps the examples in their original order (shuffling is the loader's job) and is a
 * {@link Subset}: nothing is copied. Part sizes are rounded; the training part takes the remainder.
 */
public final class Splits {

    private static final double TOLERANCE = 1e-6;

    private Splits() {
    }

    /** A random two-way split: {@code trainFraction} for training, the rest for validation, no test part. */
    public static Split split(Dataset data, double trainFraction, long seed) {
        return random(data, trainFraction, 1 - trainFraction, 0, seed);
    }

    /** A random three-way split with the given fractions, which must be non-negative and sum to 1. */
    public static Split random(Dataset data, double train, double validation, double test, long seed) {
        checkFractions(train, validation, test);
        int[] order = Permutations.shuffled(data.size(), Permutations.generator(seed, 0));
        int[][] parts = cut(order, validation, test);
        return split(data, parts[0], parts[1], parts[2]);
    }

    /**
     * A three-way split that keeps each class's share in every part (up to rounding); the targets must
     * be class indices (one whole number per example).
     */
    public static Split stratified(Dataset data, double train, double validation, double test, long seed) {
        checkFractions(train, validation, test);
        int[] labels = Labels.of(data, "a stratified split");
        int classes = Arrays.stream(labels).max().orElse(-1) + 1;
        int[][] byClass = new int[classes][];
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        for (int c = 0; c < classes; c++) {
            byClass[c] = new int[counts[c]];
        }
        int[] filled = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            byClass[labels[i]][filled[labels[i]]++] = i;
        }
        RandomGenerator random = Permutations.generator(seed, 0);
        int[][] parts = {new int[0], new int[0], new int[0]};
        for (int c = 0; c < classes; c++) {
            Permutations.shuffle(byClass[c], random);
            int[][] classParts = cut(byClass[c], validation, test);
            for (int p = 0; p < 3; p++) {
                parts[p] = concat(parts[p], classParts[p]);
            }
        }
        return split(data, parts[0], parts[1], parts[2]);
    }

    private static void checkFractions(double train, double validation, double test) {
        if (!(train >= 0 && validation >= 0 && test >= 0) || Math.abs(train + validation + test - 1) > TOLERANCE) {
            throw new IllegalArgumentException("split fractions must be >= 0 and sum to 1, got train " + train
                    + ", validation " + validation + ", test " + test);
        }
    }

    /** Cuts {@code order} into train (the rest), validation and test parts of rounded sizes. */
    private static int[][] cut(int[] order, double validation, double test) {
        int n = order.length;
        int nValidation = (int) Math.round(n * validation);
        int nTest = Math.min(n - nValidation, (int) Math.round(n * test));
        int nTrain = n - nValidation - nTest;
        return new int[][] {
            Arrays.copyOfRange(order, 0, nTrain),
            Arrays.copyOfRange(order, nTrain, nTrain + nValidation),
            Arrays.copyOfRange(order, nTrain + nValidation, n)};
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Split split(Dataset data, int[] train, int[] validation, int[] test) {
        Arrays.sort(train);
        Arrays.sort(validation);
        Arrays.sort(test);
        return new Split(new Subset(data, train), new Subset(data, validation), new Subset(data, test));
    }
}
