package dev.dendrite.train.metric;

import static dev.dendrite.train.metric.Reference.BIN_PROB;
import static dev.dendrite.train.metric.Reference.BIN_TRUE;
import static dev.dendrite.train.metric.Reference.MC_LOGITS;
import static dev.dendrite.train.metric.Reference.MC_TRUE;
import static dev.dendrite.train.metric.Reference.inBatches;
import static dev.dendrite.train.metric.Reference.indices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.tensor.ShapeMismatchException;
import dev.dendrite.tensor.Tensor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Precision, recall and F1 against scikit-learn 1.2.1 (see metrics_reference.py). */
class PrecisionRecallF1Test {

    private static final double EPS = 1e-12;

    @Test
    void perClassScoresMatchSklearn() {
        assertThat(perClass(new Precision(Average.PER_CLASS))).containsExactly(0.5, 0.5, 0.75);
        assertThat(perClass(new Recall(Average.PER_CLASS))).containsExactly(new double[] {0.6666666666666666, 0.4, 0.75}, within(EPS));
        assertThat(perClass(new F1Score(Average.PER_CLASS))).containsExactly(new double[] {0.5714285714285715, 0.4444444444444445, 0.75}, within(EPS));
    }

    @Test
    void macroMicroAndWeightedMatchSklearn() {
        assertMultiClass(Precision::new, 0.5833333333333334, 0.5833333333333334, 0.5833333333333334);
        assertMultiClass(Recall::new, 0.5833333333333334, 0.6055555555555555, 0.5833333333333334);
        assertMultiClass(F1Score::new, 0.5833333333333334, 0.5886243386243387, 0.578042328042328);
    }

    private static void assertMultiClass(Function<Average, ClassScore> metric, double micro, double macro, double weighted) {
        assertThat(multiClass(metric.apply(Average.MICRO))).isCloseTo(micro, within(EPS));
        assertThat(multiClass(metric.apply(Average.MACRO))).isCloseTo(macro, within(EPS));
        assertThat(multiClass(metric.apply(Average.WEIGHTED))).isCloseTo(weighted, within(EPS));
    }

    @Test
    void macroAveragesOnlyTheClassesSeenAndCountsZeroDivisionAsZero() {
        // Four classes; class 3 never occurs nor is predicted, class 2 is never predicted.
        Tensor predictions = Reference.oneHot(new int[] {0, 1, 1, 0, 0, 0, 0, 1}, 4);
        Tensor targets = indices(0, 1, 2, 0, 1, 2, 0, 1);
        assertThat(inBatches(new Precision(Average.MACRO), predictions, targets, 8)).isCloseTo(0.4222222222222222, within(EPS));
        assertThat(inBatches(new Recall(Average.MACRO), predictions, targets, 8)).isCloseTo(0.5555555555555555, within(EPS));
        assertThat(inBatches(new F1Score(Average.MACRO), predictions, targets, 8)).isCloseTo(0.47222222222222215, within(EPS));
        assertThat(inBatches(new Precision(Average.WEIGHTED), predictions, targets, 8)).isCloseTo(0.475, within(EPS));
        assertThat(inBatches(new Recall(Average.WEIGHTED), predictions, targets, 8)).isCloseTo(0.625, within(EPS));
        assertThat(inBatches(new F1Score(Average.WEIGHTED), predictions, targets, 8)).isCloseTo(0.53125, within(EPS));
        assertThat(inBatches(new F1Score(Average.MICRO), predictions, targets, 8)).isCloseTo(0.625, within(EPS));
        var precision = new Precision(Average.PER_CLASS);
        Reference.feed(precision, predictions, targets, 3, 5);
        assertThat(precision.perClass()[2]).as("never predicted").isZero();
        assertThat(precision.perClass()[3]).as("absent").isZero();
    }

    @Test
    void binaryReportsThePositiveClassAsSklearn() {
        Tensor predictions = Tensor.of(BIN_PROB);
        Tensor targets = Tensor.of(BIN_TRUE);
        assertThat(inBatches(new Precision(), predictions, targets, 10)).isCloseTo(0.8, within(EPS));
        assertThat(inBatches(new Recall(), predictions, targets, 10)).isCloseTo(0.6666666666666666, within(EPS));
        assertThat(inBatches(new F1Score(), predictions, targets, 10)).isCloseTo(0.7272727272727272, within(EPS));
        assertThat(inBatches(new Precision(Average.MACRO), predictions, targets, 10)).isCloseTo(0.7, within(EPS));
        assertThat(inBatches(new Recall(Average.MACRO), predictions, targets, 10)).isCloseTo(0.7083333333333333, within(EPS));
        assertThat(inBatches(new F1Score(Average.MACRO), predictions, targets, 10)).isCloseTo(0.6969696969696968, within(EPS));
    }

    @Test
    void binaryLogitsAndTwoColumnPredictionsWork() {
        float[] logits = new float[BIN_PROB.length];
        float[][] twoColumns = new float[BIN_PROB.length][];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) Math.log(BIN_PROB[i] / (1 - BIN_PROB[i]));
            twoColumns[i] = new float[] {1 - BIN_PROB[i], BIN_PROB[i]};
        }
        twoColumns[2] = new float[] {0.5f, 0.5f}; // a tie goes to class 0, as the 0.5 probability does
        Tensor targets = Tensor.of(BIN_TRUE);
        assertThat(inBatches(new Precision(Average.BINARY, 0.5, true), Tensor.of(logits), targets, 10)).isCloseTo(0.8, within(EPS));
        assertThat(inBatches(new Recall(), Tensor.of(twoColumns), targets, 10)).isCloseTo(0.6666666666666666, within(EPS));
    }

    @Test
    void batchingDoesNotChangeAnyAverage() {
        Tensor predictions = Tensor.of(MC_LOGITS);
        Tensor targets = indices(MC_TRUE);
        for (Average average : new Average[] {Average.MICRO, Average.MACRO, Average.WEIGHTED}) {
            for (ClassScore metric : new ClassScore[] {new Precision(average), new Recall(average), new F1Score(average)}) {
                double whole = inBatches(metric, predictions, targets, 12);
                assertThat(inBatches(metric, predictions, targets, 2, 3, 7)).isEqualTo(whole);
            }
        }
    }

    @Test
    void zeroDivisionIsZeroButNoDataIsNaN() {
        var precision = new Precision();
        assertThat(precision.result()).isNaN();
        precision.update(Tensor.of(0.1f, 0.2f), Tensor.of(1f, 0f));
        assertThat(precision.result()).as("nothing predicted positive").isZero();
    }

    @Test
    void namesFollowSklearnScoringStrings() {
        assertThat(new Precision().name()).isEqualTo("precision");
        assertThat(new Recall(Average.MACRO).name()).isEqualTo("recall_macro");
        assertThat(new F1Score(Average.WEIGHTED).name()).isEqualTo("f1_score_weighted");
    }

    @Test
    void perClassHasNoSingleResultAndBinaryNeedsTwoClasses() {
        var perClass = new Precision(Average.PER_CLASS);
        perClass.update(Tensor.of(MC_LOGITS), indices(MC_TRUE));
        assertThatThrownBy(perClass::result)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Precision with Average.PER_CLASS has no single result; read perClass()");
        assertThatThrownBy(() -> new F1Score().update(Tensor.of(MC_LOGITS), indices(MC_TRUE)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageStartingWith("F1Score: predictions [12, 3] have 3 classes, but the BINARY average needs 2");
        assertThatThrownBy(() -> new Recall(Average.MACRO).update(Tensor.zeros(4, 3), Tensor.zeros(3)))
                .hasMessageStartingWith("Recall: predictions [4, 3] and targets [3]");
    }

    private static double[] perClass(ClassScore metric) {
        metric.update(Tensor.of(MC_LOGITS), indices(MC_TRUE));
        return metric.perClass();
    }

    private static double multiClass(ClassScore metric) {
        return inBatches(metric, Tensor.of(MC_LOGITS), indices(MC_TRUE), 12);
    }
}
