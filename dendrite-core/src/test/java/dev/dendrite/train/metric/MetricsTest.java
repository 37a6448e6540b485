package dev.dendrite.train.metric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dendrite.tensor.Tensor;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void presetsHaveDistinctNamesAndAcceptTheirTasksShapes() {
        var binary = Metrics.binaryClassification(true);
        assertThat(binary).extracting(Metric::name)
                .containsExactly("accuracy", "precision", "recall", "f1_score", "roc_auc");
        binary.forEach(m -> m.update(Tensor.of(new float[] {2f, -1f, 0.5f}, 3, 1), Tensor.of(1f, 0f, 0f)));
        assertThat(binary.getFirst().result()).isCloseTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-12));
        Metrics.multiClassClassification().forEach(m -> m.update(Tensor.eye(3), Tensor.of(0f, 1f, 2f)));
        assertThat(Metrics.regression()).extracting(Metric::name)
                .containsExactly("mean_squared_error", "mean_absolute_error", "r2_score");
    }
}
