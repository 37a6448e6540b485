package dev.dendrite.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Files stay readable: {@code model-v1.dendrite} was written by format version 1
 * ({@link WriteFormatFixture}) and is kept unchanged, so every later version must still load it and
 * compute the same outputs.
 */
class FormatCompatibilityTest {

    static final long INPUT_SEED = 11;

    private static final float[] EXPECTED_OUTPUT_V1 = {0.8488666f, 0.84886324f, 0.8488678f, 0.8488635f, 0.84886944f};

    /** Per parameter: the sum of its values (in double) and its first value, as WriteFormatFixture printed them. */
    private static final Map<String, double[]> EXPECTED_PARAMETERS_V1 = new LinkedHashMap<>();

    static {
        EXPECTED_PARAMETERS_V1.put("1.weight", new double[] {-1.1680596619844437, -0.20034908f});
        EXPECTED_PARAMETERS_V1.put("1.bias", new double[] {-0.24947397410869598, -0.021254927f});
        EXPECTED_PARAMETERS_V1.put("3.weight", new double[] {-4.483058482408524, -0.21179938f});
        EXPECTED_PARAMETERS_V1.put("6.weight", new double[] {-1.1123160421848297, -0.043721348f});
        EXPECTED_PARAMETERS_V1.put("6.bias", new double[] {-1.231136292219162, 0.03007704f});
        EXPECTED_PARAMETERS_V1.put("8.0.weight", new double[] {-2.1197171211242676, -0.22809952f});
        EXPECTED_PARAMETERS_V1.put("8.0.bias", new double[] {-0.2262839674949646, 0.23928472f});
        EXPECTED_PARAMETERS_V1.put("9.weight", new double[] {1.3152308762073517, 0.1973916f});
        EXPECTED_PARAMETERS_V1.put("9.bias", new double[] {0.41923460364341736, 0.24331185f});
        EXPECTED_PARAMETERS_V1.put("14.weight", new double[] {2.9651326537132263, 0.15637887f});
        EXPECTED_PARAMETERS_V1.put("14.bias", new double[] {-0.37858322262763977, 0.021238625f});
        EXPECTED_PARAMETERS_V1.put("16.weight", new double[] {-1.3339275568723679, 0.06033048f});
        EXPECTED_PARAMETERS_V1.put("16.bias", new double[] {-0.5444758534431458, 0.1340034f});
        EXPECTED_PARAMETERS_V1.put("18.linear.weight", new double[] {-0.42004281282424927, 0.06688416f});
        EXPECTED_PARAMETERS_V1.put("18.linear.bias", new double[] {-0.16718639433383942, -0.1671864f});
    }

    @Test
    void formatVersion1StillLoads() throws URISyntaxException {
        Path file = Path.of(getClass().getResource("model-v1.dendrite").toURI());

        Model model = Model.load(file);

        assertThat(model.module().toString()).isEqualTo(TestModels.everyLayer().toString());
        assertThat(model.classNames()).containsExactly("benign", "malignant");
        assertThat(model.preprocessing().kind()).isEqualTo("standard");
        assertThat(model.preprocessing().params().get("mean").toArray()).containsExactly(0.5f, -1.25f, Float.MIN_VALUE);
        assertThat(model.module().namedParameters().keySet()).containsExactlyElementsOf(EXPECTED_PARAMETERS_V1.keySet());
        model.module().namedParameters().forEach((name, parameter) -> {
            double sum = 0;
            for (float value : parameter.value().data()) {
                sum += value;
            }
            assertThat(sum).as(name).isCloseTo(EXPECTED_PARAMETERS_V1.get(name)[0], within(1e-9));
            assertThat(parameter.value().data()[0]).as(name).isEqualTo((float) EXPECTED_PARAMETERS_V1.get(name)[1]);
        });
        float[] output = TestModels.predict(model.module(), TestModels.input(INPUT_SEED));
        assertThat(output).hasSize(EXPECTED_OUTPUT_V1.length);
        for (int i = 0; i < output.length; i++) {
            assertThat(output[i]).as("output %d", i).isCloseTo(EXPECTED_OUTPUT_V1[i], within(1e-6f));
        }
    }
}
