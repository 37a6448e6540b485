package dev.dendrite.train.metric;

import static dev.dendrite.train.metric.Reference.BIN_PROB;
import static dev.dendrite.train.metric.Reference.BIN_TRUE;
import static dev.dendrite.train.metric.Reference.MC_LOGITS;
import static dev.dendrite.train.metric.Reference.MC_TRUE;
import static dev.dendrite.train.metric.Reference.inBatches;
import static dev.dendrite.train.metric.Reference.indices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dendrite.tensor.ShapeMismatchException;
import dev.dendrite.tensor.Tensor;
import org.junit.jupiter.api.Test;

class AccuracyTest {

    @Test
    void multiClassMatchesSklearnAndTakesTheFirstClassOnTies() {
        var accuracy = new Accuracy();
        accuracy.update(Tensor.of(MC_LOGITS), indices(MC_TRUE));
        assertThat(accuracy.name()).isEqualTo("accuracy");
        assertThat(accuracy.result()).isEqualTo(0.5833333333333334);
    }

    @Test
    void oneHotTargetsGiveTheSameAsIndices() {
        var accuracy = new Accuracy();
        accuracy.update(Tensor.of(MC_LOGITS), Reference.oneHot(MC_TRUE, 3));
        assertThat(accuracy.result()).isEqualTo(0.5833333333333334);
    }

    @Test
    void batchingDoesNotChangeTheResult() {
        var accuracy = new Accuracy();
        Tensor predictions = Tensor.of(MC_LOGITS);
        Tensor targets = indices(MC_TRUE);
        double whole = inBatches(accuracy, predictions, targets, 12);
        assertThat(inBatches(accuracy, predictions, targets, 5, 5, 2)).isEqualTo(whole);
        assertThat(inBatches(accuracy, predictions, targets, 1, 0, 11)).isEqualTo(whole);
    }

    @Test
    void binaryProbabilitiesAreCutStrictlyAboveOneHalf() {
        var accuracy = new Accuracy();
        accuracy.update(Tensor.of(BIN_PROB, 10, 1), Tensor.of(BIN_TRUE, 10, 1));
        assertThat(accuracy.result()).isEqualTo(0.7);
    }

    @Test
    void binaryLogitsAreCutAtZero() {
        var accuracy = new Accuracy(true);
        accuracy.update(Tensor.of(2f, -0.1f, 0f, 0.3f), Tensor.of(1f, 0f, 1f, 0f));
        assertThat(accuracy.result()).isEqualTo(0.5);
    }

    @Test
    void resetForgetsEverythingAndNoExampleIsNaN() {
        var accuracy = new Accuracy();
        assertThat(accuracy.result()).isNaN();
        accuracy.update(Tensor.of(MC_LOGITS), indices(MC_TRUE));
        accuracy.reset();
        assertThat(accuracy.result()).isNaN();
    }

    @Test
    void aBatchSizeMismatchNamesTheMetricAndBothShapes() {
        var accuracy = new Accuracy();
        assertThatThrownBy(() -> accuracy.update(Tensor.zeros(32, 10), Tensor.zeros(31)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageStartingWith("Accuracy: predictions [32, 10] and targets [31]")
                .hasMessageContaining("[32] (class indices) or [32, 10] (one-hot)");
    }

    @Test
    void aClassIndexOutOfRangeOrNotAnIntegerIsRefused() {
        var accuracy = new Accuracy();
        assertThatThrownBy(() -> accuracy.update(Tensor.zeros(2, 3), Tensor.of(0f, 3f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Accuracy: target 3.0 at index 1 is not a class index (an integer in [0, 3))");
        assertThatThrownBy(() -> accuracy.update(Tensor.zeros(2, 3), Tensor.of(1.5f, 0f)))
                .hasMessage("Accuracy: target 1.5 at index 0 is not a class index (an integer in [0, 3))");
        assertThatThrownBy(() -> accuracy.update(Tensor.zeros(1, 3), Tensor.of(-1f)))
                .hasMessageContaining("target -1.0 at index 0");
        assertThat(accuracy.result()).as("a refused batch counts nothing").isNaN();
    }

    @Test
    void binaryTargetsMustBeZeroOrOne() {
        var accuracy = new Accuracy();
        assertThatThrownBy(() -> accuracy.update(Tensor.of(0.2f, 0.9f), Tensor.of(0f, 2f)))
                .hasMessage("Accuracy: target 2.0 at index 1 is not 0 or 1, as binary targets must be");
    }

    @Test
    void predictionsOfAnotherRankAreRefused() {
        var accuracy = new Accuracy();
        assertThatThrownBy(() -> accuracy.update(Tensor.zeros(2, 3, 4), Tensor.zeros(2)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("Accuracy: predictions [2, 3, 4] are neither binary [b] or [b, 1] nor multi-class [b, C]");
    }
}
