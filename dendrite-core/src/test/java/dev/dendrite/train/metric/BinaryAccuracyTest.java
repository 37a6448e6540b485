package dev.dendrite.train.metric;

import static dev.dendrite.train.metric.Reference.BIN_PROB;
import static dev.dendrite.train.metric.Reference.BIN_TRUE;
import static dev.dendrite.train.metric.Reference.inBatches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dendrite.tensor.ShapeMismatchException;
import dev.dendrite.tensor.Tensor;
import org.junit.jupiter.api.Test;

class BinaryAccuracyTest {

    @Test
    void matchesSklearnAtTheDefaultAndACustomThreshold() {
        Tensor predictions = Tensor.of(BIN_PROB);
        Tensor targets = Tensor.of(BIN_TRUE);
        assertThat(inBatches(new BinaryAccuracy(), predictions, targets, 10)).isEqualTo(0.7);
        assertThat(inBatches(new BinaryAccuracy(0.25, false), predictions, targets, 10)).isEqualTo(0.8);
        assertThat(new BinaryAccuracy().name()).isEqualTo("binary_accuracy");
    }

    @Test
    void batchingDoesNotChangeTheResult() {
        Tensor predictions = Tensor.of(BIN_PROB, 10, 1);
        Tensor targets = Tensor.of(BIN_TRUE);
        assertThat(inBatches(new BinaryAccuracy(), predictions, targets, 3, 3, 3, 1)).isEqualTo(0.7);
    }

    @Test
    void thresholdIsComparedInFloatAsThePredictions() {
        var accuracy = new BinaryAccuracy(0.3, false);
        accuracy.update(Tensor.of(0.3f), Tensor.of(0f));
        assertThat(accuracy.result()).isEqualTo(1.0);
    }

    @Test
    void logitsAreCutWhereTheirSigmoidCrossesTheThreshold() {
        var accuracy = new BinaryAccuracy(0.5, true);
        accuracy.update(Tensor.of(1e-30f, -1e-30f, 0f), Tensor.of(1f, 0f, 0f));
        assertThat(accuracy.result()).isEqualTo(1.0);
        var strict = new BinaryAccuracy(0.9, true);
        // logit(0.9) = 2.197...: 2.0 is below, 2.3 above.
        strict.update(Tensor.of(2.0f, 2.3f), Tensor.of(0f, 1f));
        assertThat(strict.result()).isEqualTo(1.0);
    }

    @Test
    void multiLabelOutputsCountEachLabel() {
        var accuracy = new BinaryAccuracy();
        accuracy.update(Tensor.of(new float[][] {{0.9f, 0.1f, 0.6f}, {0.2f, 0.8f, 0.4f}}),
                Tensor.of(new float[][] {{1, 0, 0}, {0, 1, 1}}));
        assertThat(accuracy.result()).isEqualTo(4.0 / 6);
    }

    @Test
    void shapesThatDifferAreRefused() {
        assertThatThrownBy(() -> new BinaryAccuracy().update(Tensor.zeros(4, 2), Tensor.zeros(4)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageStartingWith("BinaryAccuracy: predictions [4, 2] and targets [4]");
    }

    @Test
    void aLogitThresholdOutsideZeroAndOneIsRefused() {
        assertThatThrownBy(() -> new BinaryAccuracy(1.0, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly between 0 and 1");
    }
}
