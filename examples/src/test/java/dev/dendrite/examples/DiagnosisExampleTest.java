package dev.dendrite.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiagnosisExampleTest {

    @Test
    void reaches96PercentTestAccuracyWithEarlyStopping() {
        var result = DiagnosisExample.run(Path.of("data/breast_cancer.csv"), 42, false);
        assertThat(result.test().get("binary_accuracy")).isGreaterThanOrEqualTo(0.96);
        assertThat(result.history().stopReason()).startsWith("early stopping");
        assertThat(result.history().epochs()).isLessThan(200);
    }
}
