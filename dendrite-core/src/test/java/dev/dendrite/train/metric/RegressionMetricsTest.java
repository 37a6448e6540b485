package dev.dendrite.train.metric;

import static dev.dendrite.train.metric.Reference.REG2_PRED;
import static dev.dendrite.train.metric.Reference.REG2_TRUE;
import static dev.dendrite.train.metric.Reference.REG_PRED;
import static dev.dendrite.train.metric.Reference.REG_TRUE;
import static dev.dendrite.train.metric.Reference.inBatches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.tensor.ShapeMismatchException;
import dev.dendrite.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** MSE, MAE and R² against scikit-learn 1.2.1 (see metrics_reference.py). */
class RegressionMetricsTest {

    private static final double EPS = 1e-12;

    @Test
    void oneOutputMatchesSklearn() {
        Tensor predictions = Tensor.of(REG_PRED);
        Tensor targets = Tensor.of(REG_TRUE);
        assertThat(inBatches(new MeanSquaredError(), predictions, targets, 8)).isEqualTo(0.328125);
        assertThat(inBatches(new MeanAbsoluteError(), predictions, targets, 8)).isEqualTo(0.5);
        assertThat(inBatches(new R2Score(), predictions, targets, 8)).isCloseTo(0.9590193926088547, within(EPS));
    }

    @Test
    void twoOutputsMatchSklearnsUniformAverage() {
        Tensor predictions = Tensor.of(REG2_PRED);
        Tensor targets = Tensor.of(REG2_TRUE);
        assertThat(inBatches(new MeanSquaredError(), predictions, targets, 6)).isCloseTo(0.46354166666666663, within(EPS));
        assertThat(inBatches(new MeanAbsoluteError(), predictions, targets, 6)).isCloseTo(0.6041666666666667, within(EPS));
        assertThat(inBatches(new R2Score(), predictions, targets, 6)).isCloseTo(0.9417879434721148, within(EPS));
    }

    @Test
    void batchingDoesNotChangeTheResults() {
        Tensor predictions = Tensor.of(REG_PRED, 8, 1);
        Tensor targets = Tensor.of(REG_TRUE);
        for (Metric metric : new Metric[] {new MeanSquaredError(), new MeanAbsoluteError(), new R2Score()}) {
            double whole = inBatches(metric, predictions, targets, 8);
            assertThat(inBatches(metric, predictions, targets, 1, 2, 5)).as(metric.name()).isCloseTo(whole, within(EPS));
            assertThat(inBatches(metric, predictions, targets, 1, 1, 1, 1, 1, 1, 1, 1)).as(metric.name()).isCloseTo(whole, within(EPS));
        }
        assertThat(inBatches(new R2Score(), Tensor.of(REG2_PRED), Tensor.of(REG2_TRUE), 1, 4, 1)).isCloseTo(0.9417879434721148, within(EPS));
    }

    @Test
    void r2IsStableForTargetsFarFromZero() {
        // A naive sum of squares minus squared sum loses every digit at this offset.
        float[] targets = new float[REG_TRUE.length];
        float[] predictions = new float[REG_PRED.length];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = REG_TRUE[i] + 100_000f;
            predictions[i] = REG_PRED[i] + 100_000f;
        }
        assertThat(inBatches(new R2Score(), Tensor.of(predictions), Tensor.of(targets), 3, 3, 2)).isCloseTo(0.9590193926088547, within(1e-9));
    }

    @Test
    void r2OfAConstantTargetFollowsSklearn() {
        Tensor targets = Tensor.of(new float[][] {{2, 1}, {2, 3}, {2, 5}});
        Tensor predictions = Tensor.of(new float[][] {{2, 1.5f}, {2, 3}, {2, 4}});
        assertThat(inBatches(new R2Score(), predictions, targets, 3)).isEqualTo(0.921875);
        assertThat(inBatches(new R2Score(), Tensor.of(2f, 1f, 2f), Tensor.of(2f, 2f, 2f), 3)).isZero();
        assertThat(inBatches(new R2Score(), Tensor.of(2f), Tensor.of(2f), 1)).as("one example").isNaN();
    }

    @Test
    void namesAndEmptyResults() {
        assertThat(new MeanSquaredError().name()).isEqualTo("mean_squared_error");
        assertThat(new MeanAbsoluteError().name()).isEqualTo("mean_absolute_error");
        assertThat(new R2Score().name()).isEqualTo("r2_score");
        assertThat(new MeanSquaredError().result()).isNaN();
    }

    @Test
    void shapesThatDoNotFitAreRefused() {
        assertThatThrownBy(() -> new MeanSquaredError().update(Tensor.zeros(32, 2), Tensor.zeros(32)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("MeanSquaredError: predictions [32, 2] and targets [32] do not fit: they need the same shape [b, ...]");
        var r2 = new R2Score();
        r2.update(Tensor.zeros(2, 2), Tensor.zeros(2, 2));
        assertThatThrownBy(() -> r2.update(Tensor.zeros(2, 3), Tensor.zeros(2, 3)))
                .hasMessage("R2Score: targets [2, 3] have 3 outputs per example, earlier batches had 2");
    }
}
