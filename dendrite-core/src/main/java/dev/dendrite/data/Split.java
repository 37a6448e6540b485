package dev.dendrite.data;

/**
 * A dataset divided into training, validation and test parts; a part that was not asked for is empty.
 *
 * <p>Fit scalers on {@link #train()} only, then apply them to all three.
 */
public record Split(Dataset train, Dataset validation, Dataset test) {

    /**
     * Splits the training part again, at random, into {@code trainFraction} for training and the rest
     * for validation; the test part is kept (as for Fashion-MNIST's own train/test files).
     */
    public Split split(double trainFraction, long seed) {
        Split inner = Splits.random(train, trainFraction, 1 - trainFraction, 0, seed);
        return new Split(inner.train(), inner.validation(), test);
    }

    /** As {@link #split(double, long)}, keeping the class balance of every part. */
    public Split stratifiedSplit(double trainFraction, long seed) {
        Split inner = Splits.stratified(train, trainFraction, 1 - trainFraction, 0, seed);
        return new Split(inner.train(), inner.validation(), test);
    }
}
