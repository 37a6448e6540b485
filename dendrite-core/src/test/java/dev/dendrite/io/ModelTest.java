package dev.dendrite.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dendrite.nn.Linear;
import dev.dendrite.nn.Module;
import dev.dendrite.nn.ReLU;
import dev.dendrite.nn.Sequential;
import dev.dendrite.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTest {

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsArchitectureWeightsAndOutputs() {
        Sequential original = TestModels.everyLayer();
        Path file = dir.resolve("every.dendrite");
        original.save(file);

        Model loaded = Model.load(file);

        assertThat(loaded.module().toString()).isEqualTo(original.toString());
        assertThat(loaded.module().namedParameters().keySet()).containsExactlyElementsOf(original.namedParameters().keySet());
        original.namedParameters().forEach((name, parameter) -> assertThat(
                loaded.module().namedParameters().get(name).value().toArray()).as(name).isEqualTo(parameter.value().toArray()));
        Tensor x = TestModels.input(3);
        assertThat(TestModels.predict(loaded.module(), x)).isEqualTo(TestModels.predict(original, x));
    }

    @Test
    void flattenKeepsItsStartAxis() {
        Path file = dir.resolve("logit.dendrite");
        new Sequential(new Linear(3, 1), new dev.dendrite.nn.Flatten(0)).save(file);

        Module loaded = Model.load(file).module();

        assertThat(loaded.toString()).contains("Flatten(startAxis=0)");
        assertThat(loaded.forward(Tensor.zeros(4, 3)).dims()).containsExactly(4);
    }

    @Test
    void loadedModuleIsInEvaluationMode() {
        Path file = dir.resolve("m.dendrite");
        TestModels.everyLayer().save(file);
        assertThat(Model.load(file).module().modules()).noneMatch(Module::isTraining);
    }

    @Test
    void preprocessingAndClassNamesSurviveExactly() {
        Path file = dir.resolve("p.dendrite");
        Preprocessing preprocessing = TestModels.standardScaler();
        Model.of(new Sequential(new Linear(3, 2))).withPreprocessing(preprocessing).withClassNames(List.of("a", "b")).save(file);

        Model loaded = Model.load(file);

        assertThat(loaded.classNames()).containsExactly("a", "b");
        assertThat(loaded.preprocessing().kind()).isEqualTo("standard");
        assertThat(loaded.preprocessing().params().keySet()).containsExactly("mean", "std");
        assertThat(loaded.preprocessing().params().get("mean").toArray()).isEqualTo(new float[] {0.5f, -1.25f, Float.MIN_VALUE});
        assertThat(loaded.preprocessing().params().get("std").dims()).containsExactly(2, 2);
    }

    @Test
    void nonFiniteAndAwkwardFloatsSurviveExactly() {
        Path file = dir.resolve("f.dendrite");
        float[] values = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0.1f, Float.MAX_VALUE, 1e-45f, 3.4028235e38f};
        Model.of(new ReLU()).withPreprocessing(new Preprocessing("odd", java.util.Map.of("v", Tensor.of(values)), List.of())).save(file);
        assertThat(Model.load(file).preprocessing().params().get("v").toArray()).isEqualTo(values);
    }

    @Test
    void metadataOfTheApplicationSurvivesAndTheFormatsOwnKeysAreNotInIt() {
        Path file = dir.resolve("meta.dendrite");
        Model.of(new Sequential(new Linear(2, 1))).withMetadata("app.training", "{\"epochs\": 3}")
                .withMetadata("app.note", "first").withMetadata("app.note", "ünïcode, second").save(file);

        Model loaded = Model.load(file);

        assertThat(loaded.metadata()).containsExactly(java.util.Map.entry("app.training", "{\"epochs\": 3}"),
                java.util.Map.entry("app.note", "ünïcode, second"));
        assertThat(loaded.withClassNames(List.of("x")).metadata()).isEqualTo(loaded.metadata());
    }

    @Test
    void aFileWithoutMetadataOfItsOwnLoadsWithNone() {
        Path file = dir.resolve("plain.dendrite");
        new Sequential(new Linear(2, 2)).save(file);
        assertThat(Model.load(file).metadata()).isEmpty();
    }

    @Test
    void theFormatsOwnKeysCannotBeOverwritten() {
        Model model = Model.of(new Sequential(new Linear(2, 2)));
        for (String key : List.of(Model.VERSION_KEY, Model.ARCHITECTURE_KEY, Model.PREPROCESSING_KEY, "dendrite.checksum")) {
            assertThatThrownBy(() -> model.withMetadata(key, "x")).as(key)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(key);
        }
    }

    @Test
    void withoutPreprocessingLoadsAsNone() {
        Path file = dir.resolve("n.dendrite");
        new Sequential(new Linear(2, 2)).save(file);
        assertThat(Model.load(file).preprocessing()).isEqualTo(Preprocessing.NONE);
    }

    @Test
    void saveReplacesAnExistingFileAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("r.dendrite");
        new Sequential(new Linear(2, 2)).save(file);
        new Sequential(new Linear(2, 3)).save(file);
        assertThat(((Linear) ((Sequential) Model.load(file).module()).get(0)).outFeatures()).isEqualTo(3);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aModuleWithoutCodecCannotBeSavedAndTheErrorNamesIt() {
        Module custom = new Module() {
            @Override
            public Tensor forward(Tensor input) {
                return input;
            }
        };
        Path file = dir.resolve("c.dendrite");
        assertThatThrownBy(() -> new Sequential(new Linear(2, 2), custom).save(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no codec for")
                .hasMessageContaining("model.layers[1]");
        assertThat(file).doesNotExist();
    }

    @Test
    void aFileWithoutDendriteMetadataIsNotAModel() {
        Path file = dir.resolve("bare.safetensors");
        SafeTensors.write(file, java.util.Map.of("0.weight", Tensor.zeros(2, 2)), java.util.Map.of());
        assertThatThrownBy(() -> Model.load(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageContaining("not a Dendrite model file")
                .hasMessageContaining("Weights.load");
    }
}
