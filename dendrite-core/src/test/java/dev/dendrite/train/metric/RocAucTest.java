package dev.dendrite.train.metric;

import static dev.dendrite.train.metric.Reference.AUC_SCORE;
import static dev.dendrite.train.metric.Reference.AUC_TRUE;
import static dev.dendrite.train.metric.Reference.inBatches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.tensor.ShapeMismatchException;
import dev.dendrite.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** ROC AUC against scikit-learn 1.2.1 roc_auc_score / roc_curve (see metrics_reference.py). */
class RocAucTest {

    @Test
    void areaWithTiesMatchesSklearn() {
        var auc = new RocAuc();
        assertThat(inBatches(auc, Tensor.of(AUC_SCORE), Tensor.of(AUC_TRUE), 12)).isCloseTo(0.7916666666666667, within(1e-15));
        assertThat(auc.name()).isEqualTo("roc_auc");
    }

    @Test
    void curvePointsMatchSklearnWithoutDroppingIntermediates() {
        var auc = new RocAuc();
        auc.update(Tensor.of(AUC_SCORE, 12, 1), Tensor.of(AUC_TRUE, 12, 1));
        RocCurve curve = auc.curve();
        assertThat(curve.fpr()).containsExactly(0.0, 0.0, 0.16666666666666666, 0.16666666666666666, 0.5, 0.5, 0.6666666666666666, 1.0);
        assertThat(curve.tpr()).containsExactly(0.0, 0.16666666666666666, 0.3333333333333333, 0.6666666666666666, 0.8333333333333334, 1.0, 1.0, 1.0);
        // sklearn 1.2 starts at max + 1; 1.3 and later at +inf, as here.
        assertThat(curve.thresholds()).containsExactly(Double.POSITIVE_INFINITY, 0.8999999761581421, 0.800000011920929,
                0.6499999761581421, 0.4000000059604645, 0.3499999940395355, 0.20000000298023224, 0.10000000149011612);
        assertThat(curve.size()).isEqualTo(8);
    }

    @Test
    void aTieBetweenAPositiveAndANegativeCountsOneHalf() {
        assertThat(inBatches(new RocAuc(), Tensor.of(0.5f, 0.5f), Tensor.of(1f, 0f), 2)).isEqualTo(0.5);
        assertThat(inBatches(new RocAuc(), Tensor.of(0.2f, 0.9f, 0.9f), Tensor.of(0f, 1f, 0f), 3)).isEqualTo(0.75);
        assertThat(inBatches(new RocAuc(), Tensor.of(0.9f, 0.1f), Tensor.of(1f, 0f), 2)).isEqualTo(1.0);
        assertThat(inBatches(new RocAuc(), Tensor.of(0.1f, 0.9f), Tensor.of(1f, 0f), 2)).isEqualTo(0.0);
    }

    @Test
    void batchingDoesNotChangeTheArea() {
        var auc = new RocAuc();
        Tensor scores = Tensor.of(AUC_SCORE);
        Tensor targets = Tensor.of(AUC_TRUE);
        double whole = inBatches(auc, scores, targets, 12);
        assertThat(inBatches(auc, scores, targets, 1, 4, 4, 3)).isEqualTo(whole);
        assertThat(inBatches(auc, scores, targets, 11, 1)).isEqualTo(whole);
    }

    @Test
    void logitsAreRankedThemselvesSoSaturationCannotMakeTies() {
        float[] logits = new float[AUC_SCORE.length];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) Math.log(AUC_SCORE[i] / (1 - AUC_SCORE[i]));
        }
        var auc = new RocAuc(true);
        assertThat(inBatches(auc, Tensor.of(logits), Tensor.of(AUC_TRUE), 12)).isCloseTo(0.7916666666666667, within(1e-15));
        assertThat(auc.curve().thresholds()[1]).isCloseTo(0.9, within(1e-6));
        assertThat(inBatches(new RocAuc(true), Tensor.of(40f, 50f), Tensor.of(0f, 1f), 2)).isEqualTo(1.0);
    }

    @Test
    void oneClassOnlyIsNaN() {
        var auc = new RocAuc();
        assertThat(auc.result()).isNaN();
        auc.update(Tensor.of(0.3f, 0.8f), Tensor.of(1f, 1f));
        assertThat(auc.result()).isNaN();
        assertThat(auc.curve().fpr()[1]).isNaN();
        auc.reset();
        assertThat(auc.curve().size()).isEqualTo(1);
    }

    @Test
    void badInputsAreRefused() {
        var auc = new RocAuc();
        assertThatThrownBy(() -> auc.update(Tensor.zeros(4, 2), Tensor.zeros(4)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageStartingWith("RocAuc: predictions [4, 2] and targets [4]");
        assertThatThrownBy(() -> auc.update(Tensor.of(0.1f, Float.NaN), Tensor.of(0f, 1f)))
                .hasMessage("RocAuc: prediction at index 1 is NaN");
        assertThatThrownBy(() -> auc.update(Tensor.of(0.1f, 0.2f), Tensor.of(0f, 0.5f)))
                .hasMessage("RocAuc: target 0.5 at index 1 is not 0 or 1, as binary targets must be");
        assertThat(auc.curve().size()).as("refused batches add nothing").isEqualTo(1);
    }
}
