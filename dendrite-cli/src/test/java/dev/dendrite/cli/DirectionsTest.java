package dev.dendrite.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.nn.Linear;
import dev.dendrite.nn.Parameter;
import dev.dendrite.nn.ReLU;
import dev.dendrite.nn.Seeds;
import dev.dendrite.nn.Sequential;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DirectionsTest {

    private static Map<String, Parameter> parameters() {
        Seeds.manualSeed(3);
        return new Sequential(new Linear(5, 4), new ReLU(), new Linear(4, 3)).namedParameters();
    }

    @Test
    void everyFilterHasTheNormOfTheTrainedFilterAndBiasesAreZero() {
        Map<String, Parameter> parameters = parameters();
        List<float[]> direction = Directions.filterNormalised(parameters, new SplittableRandom(1));
        assertThat(direction).hasSize(4);
        int k = 0;
        for (var entry : parameters.entrySet()) {
            float[] weights = entry.getValue().value().data();
            float[] d = direction.get(k++);
            assertThat(d).hasSameSizeAs(weights);
            int[] dims = entry.getValue().value().dims();
            if (dims.length == 1) {
                assertThat(d).as(entry.getKey()).containsOnly(0f);
                continue;
            }
            int width = dims[1];
            for (int row = 0; row < dims[0]; row++) {
                double expected = Directions.norm(weights, row * width, width);
                assertThat(Directions.norm(d, row * width, width)).as(entry.getKey() + " row " + row)
                        .isCloseTo(expected, within(1e-5 * expected));
            }
            assertThat(d).as("not the weights themselves").isNotEqualTo(weights);
        }
    }

    @Test
    void directionsAreSeededAndTwoInARowDiffer() {
        Map<String, Parameter> parameters = parameters();
        SplittableRandom random = new SplittableRandom(7);
        List<float[]> first = Directions.filterNormalised(parameters, random);
        List<float[]> second = Directions.filterNormalised(parameters, random);
        List<float[]> again = Directions.filterNormalised(parameters, new SplittableRandom(7));
        assertThat(again.getFirst()).isEqualTo(first.getFirst());
        assertThat(second.getFirst()).isNotEqualTo(first.getFirst());
        double dot = 0;
        for (int i = 0; i < first.getFirst().length; i++) {
            dot += first.getFirst()[i] * second.getFirst()[i];
        }
        double cosine = dot / (Directions.norm(first.getFirst(), 0, 20) * Directions.norm(second.getFirst(), 0, 20));
        assertThat(Math.abs(cosine)).as("random directions are far from parallel").isLessThan(0.9);
    }
}
