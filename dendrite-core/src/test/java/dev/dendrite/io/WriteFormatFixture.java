package dev.dendrite.io;

import dev.dendrite.nn.Seeds;
import dev.dendrite.nn.Sequential;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes the model file that {@link FormatCompatibilityTest} checks every later Dendrite still loads,
 * and prints the outputs, parameter sums and first values that test expects. Run once per format version; never overwrite an old fixture.
 */
public final class WriteFormatFixture {

    private WriteFormatFixture() {
    }

    /** Writes {@code args[0]} and prints the model's outputs for {@link FormatCompatibilityTest#INPUT_SEED}. */
    public static void main(String[] args) {
        Seeds.manualSeed(2026);
        Sequential model = TestModels.everyLayer();
        Model.of(model).withPreprocessing(TestModels.standardScaler()).save(Path.of(args[0]));
        System.out.println(Arrays.toString(TestModels.predict(model, TestModels.input(FormatCompatibilityTest.INPUT_SEED))));
        model.namedParameters().forEach((name, parameter) -> {
            double sum = 0;
            for (float value : parameter.value().data()) {
                sum += value;
            }
            System.out.println(name + " " + sum + " " + parameter.value().data()[0]);
        });
    }
}
