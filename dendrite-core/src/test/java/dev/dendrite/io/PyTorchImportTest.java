package dev.dendrite.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.nn.ELU;
import dev.dendrite.nn.GELU;
import dev.dendrite.nn.LeakyReLU;
import dev.dendrite.nn.Linear;
import dev.dendrite.nn.LogSoftmax;
import dev.dendrite.nn.ReLU;
import dev.dendrite.nn.Sequential;
import dev.dendrite.tensor.Tensor;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Weights of a PyTorch {@code nn.Sequential} saved as safetensors (pytorch/make_torch_fixture.py) load
 * into the same layers built in Dendrite, by name and without transposing, and give PyTorch's outputs.
 */
class PyTorchImportTest {

    /** The Dendrite twin of the fixture's {@code nn.Sequential}. */
    private static Sequential twin() {
        return new Sequential(
                new Linear(5, 8), new GELU(),
                new Linear(8, 8), new LeakyReLU(0.1f),
                new Linear(8, 4, false), new ELU(0.5f),
                new Linear(4, 3), new LogSoftmax(1));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PyTorchImportTest.class.getResource("pytorch/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"f32", "f16", "bf16", "f64"})
    void pytorchWeightsGivePytorchOutputs(String dtype) throws URISyntaxException {
        TensorFile io = SafeTensors.read(resource("torch_mlp_io.safetensors"));
        Sequential model = twin();

        Weights.load(resource("torch_mlp_" + dtype + ".safetensors"), model);

        float[] expected = io.tensors().get("output_" + dtype).toArray();
        float[] actual = TestModels.predict(model, io.tensors().get("input"));
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("output %d", i).isCloseTo(expected[i], within(1e-5f));
        }
    }

    @Test
    void anImportedModelSavesAndLoadsAsADendriteModel() throws Exception {
        Sequential model = twin();
        Weights.load(resource("torch_mlp_f32.safetensors"), model);
        Path file = java.nio.file.Files.createTempDirectory("import").resolve("imported.dendrite");
        model.save(file);
        Tensor x = SafeTensors.read(resource("torch_mlp_io.safetensors")).tensors().get("input");
        assertThat(TestModels.predict(Model.load(file).module(), x)).isEqualTo(TestModels.predict(model, x));
    }

    @Test
    void aDifferentLayerOrderIsRefusedNamingEveryMismatch() throws URISyntaxException {
        Path file = resource("torch_mlp_f32.safetensors");
        Sequential wrong = new Sequential(new Linear(5, 8), new ReLU(), new Linear(8, 4), new ReLU(), new Linear(8, 8), new ReLU());
        float before = wrong.get(0).namedParameters().get("weight").value().data()[0];
        assertThatThrownBy(() -> Weights.load(file, wrong))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining("no tensor for parameters [4.bias]")
                .hasMessageContaining("tensors [6.bias, 6.weight] match no parameter")
                .hasMessageContaining("parameter '2.weight' has shape [4, 8] but the file's tensor has shape [8, 8]");
        assertThat(wrong.get(0).namedParameters().get("weight").value().data()[0]).as("nothing changed").isEqualTo(before);
    }
}
