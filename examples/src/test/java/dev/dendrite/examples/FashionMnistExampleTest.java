package dev.dendrite.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class FashionMnistExampleTest {

    @Test
    void reaches88Point5PercentWithinTenEpochs() {
        boolean present = Files.isDirectory(FashionMnistExample.DEBIAN_DIR);
        if (!"true".equals(System.getenv("CI"))) {
            assumeThat(present).as("Fashion-MNIST is installed (apt-get install dataset-fashion-mnist)").isTrue();
        }
        var result = FashionMnistExample.run(FashionMnistExample.DEBIAN_DIR, 10, 42, false);
        assertThat(result.test().get("accuracy")).isGreaterThanOrEqualTo(0.885);
        assertThat(result.history().epochs()).isEqualTo(10);
    }
}
