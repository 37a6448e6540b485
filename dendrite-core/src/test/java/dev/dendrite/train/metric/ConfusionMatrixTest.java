package dev.dendrite.train.metric;

import static dev.dendrite.train.metric.Reference.BIN_PROB;
import static dev.dendrite.train.metric.Reference.BIN_TRUE;
import static dev.dendrite.train.metric.Reference.MC_LOGITS;
import static dev.dendrite.train.metric.Reference.MC_TRUE;
import static dev.dendrite.train.metric.Reference.inBatches;
import static dev.dendrite.train.metric.Reference.indices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dendrite.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {

    private static final long[][] SKLEARN = {{2, 1, 0}, {2, 2, 1}, {0, 1, 3}};

    @Test
    void countsMatchSklearnWithTrueClassesAsRows() {
        var matrix = new ConfusionMatrix();
        matrix.update(Tensor.of(MC_LOGITS), indices(MC_TRUE));
        assertThat(matrix.counts()).isDeepEqualTo(SKLEARN);
        assertThat(matrix.classes()).isEqualTo(3);
        assertThat(matrix.result()).isEqualTo(0.5833333333333334);
    }

    @Test
    void batchingDoesNotChangeTheCounts() {
        var matrix = new ConfusionMatrix(3);
        inBatches(matrix, Tensor.of(MC_LOGITS), indices(MC_TRUE), 4, 7, 1);
        assertThat(matrix.counts()).isDeepEqualTo(SKLEARN);
    }

    @Test
    void binaryPredictionsMakeTwoClasses() {
        var matrix = new ConfusionMatrix();
        matrix.update(Tensor.of(BIN_PROB), Tensor.of(BIN_TRUE));
        assertThat(matrix.counts()).isDeepEqualTo(new long[][] {{3, 1}, {2, 4}});
    }

    @Test
    void printsATableWithOptionalClassNames() {
        var matrix = new ConfusionMatrix();
        matrix.update(Tensor.of(MC_LOGITS), indices(MC_TRUE));
        assertThat(matrix.toString()).isEqualTo("""
                true \\ predicted  0  1  2
                0                 2  1  0
                1                 2  2  1
                2                 0  1  3""");
        assertThat(matrix.toString("cat", "dog", "bird")).isEqualTo("""
                true \\ predicted   cat   dog  bird
                cat                  2     1     0
                dog                  2     2     1
                bird                 0     1     3""");
        assertThatThrownBy(() -> matrix.toString("cat", "dog"))
                .hasMessage("ConfusionMatrix: 2 class names for 3 classes");
    }

    @Test
    void aBatchWithAnotherNumberOfClassesIsRefused() {
        var matrix = new ConfusionMatrix(4);
        assertThatThrownBy(() -> matrix.update(Tensor.of(MC_LOGITS), indices(MC_TRUE)))
                .hasMessage("ConfusionMatrix: predictions [12, 3] have 3 classes, but 4 were configured");
        var inferred = new ConfusionMatrix();
        inferred.update(Tensor.of(MC_LOGITS), indices(MC_TRUE));
        assertThatThrownBy(() -> inferred.update(Tensor.zeros(2, 5), Tensor.zeros(2)))
                .hasMessage("ConfusionMatrix: predictions [2, 5] have 5 classes, but 3 in earlier batches");
    }

    @Test
    void resetEmptiesTheCounts() {
        var matrix = new ConfusionMatrix(3);
        matrix.update(Tensor.of(MC_LOGITS), indices(MC_TRUE));
        matrix.reset();
        assertThat(matrix.counts()).isDeepEqualTo(new long[3][3]);
        assertThat(matrix.result()).isNaN();
    }
}
