package dev.dendrite.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import dev.dendrite.nn.Dropout;
import dev.dendrite.nn.ELU;
import dev.dendrite.nn.Flatten;
import dev.dendrite.nn.GELU;
import dev.dendrite.nn.Identity;
import dev.dendrite.nn.LeakyReLU;
import dev.dendrite.nn.Linear;
import dev.dendrite.nn.LogSoftmax;
import dev.dendrite.nn.Module;
import dev.dendrite.nn.Perceptron;
import dev.dendrite.nn.ReLU;
import dev.dendrite.nn.Sequential;
import dev.dendrite.nn.SiLU;
import dev.dendrite.nn.Sigmoid;
import dev.dendrite.nn.Softmax;
import dev.dendrite.nn.Softplus;
import dev.dendrite.nn.Tanh;
import dev.dendrite.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OnnxExporterTest {

    @TempDir
    Path dir;

    /** Every supported layer type, through both Linear lowerings (MatMul on rank 3, Gemm on rank 2). */
    private static Sequential everyLayer() {
        return new Sequential(
                new Linear(4, 5), new ReLU(),
                new Flatten(),
                new Linear(15, 16), new LeakyReLU(0.2f), new Dropout(0.5),
                new Linear(16, 16, false), new ELU(0.7f),
                new Sequential(new Linear(16, 16), new GELU(), new SiLU()),
                new Linear(16, 16), new Softplus(), new Identity(), new Tanh(),
                new Linear(16, 8), new LogSoftmax(1),
                new Linear(8, 8), new Softmax(-1), new Sigmoid(),
                new Perceptron(8, new Tanh()));
    }

    private static Tensor input(long seed, int... dims) {
        return Tensor.randn(Tensor.generator(seed), dims).mul(3f);
    }

    @Test
    void aModelWithEveryLayerTypeAgreesWithOnnxRuntimeForAnyBatchSize() throws Exception {
        Sequential model = everyLayer();
        for (int batch : new int[] {1, 7, 64}) {
            OnnxRuntimeCheck.assertAgrees(model, new int[] {3, 4}, input(batch, batch, 3, 4));
        }
    }

    static Stream<Module> activations() {
        return Stream.of(new ReLU(), new LeakyReLU(0.3f), new ELU(1.5f), new GELU(), new SiLU(), new Softplus(),
                new Sigmoid(), new Tanh(), new Softmax(-1), new LogSoftmax(1), new Identity(), new Dropout(0.9));
    }

    @ParameterizedTest
    @MethodSource("activations")
    void eachActivationAgrees(Module activation) throws Exception {
        OnnxRuntimeCheck.assertAgrees(new Sequential(new Linear(6, 10), activation), new int[] {6}, input(5, 32, 6));
    }

    @Test
    void softmaxOverAMiddleAxisAndLinearOnRank4Agree() throws Exception {
        Sequential model = new Sequential(new Linear(5, 3), new Softmax(1), new LogSoftmax(2), new Linear(3, 2, false));
        OnnxRuntimeCheck.assertAgrees(model, new int[] {4, 2, 5}, input(9, 3, 4, 2, 5));
    }

    @Test
    void flattenKeepsItsStartAxis() throws Exception {
        // A binary classifier's [N, 1] logit column flattened to [N], and a middle flatten of a rank-4 input.
        OnnxRuntimeCheck.assertAgrees(new Sequential(new Linear(5, 1), new Flatten(0)), new int[] {5}, input(3, 6, 5));
        OnnxRuntimeCheck.assertAgrees(new Sequential(new Flatten(2), new Linear(12, 2)), new int[] {2, 3, 4},
                input(4, 5, 2, 3, 4));
    }

    @Test
    void aLonePerceptronAndAnIdentityOnlyModelAgree() throws Exception {
        OnnxRuntimeCheck.assertAgrees(new Perceptron(5), new int[] {5}, input(2, 4, 5));
        OnnxRuntimeCheck.assertAgrees(new Sequential(new Dropout(0.5), new Identity()), new int[] {5}, input(2, 4, 5));
    }

    @Test
    void theGraphUsesTheDocumentedOps() {
        ModelProto model = OnnxExporter.toModel(new Sequential(new Linear(3, 4), new GELU(), new SiLU(), new Dropout(0.1),
                new LeakyReLU(0.2f), new ELU(0.5f), new Softplus()), new int[] {3});
        List<String> ops = model.getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
        assertThat(ops).containsExactly("Gemm", "Div", "Erf", "Add", "Mul", "Mul", "Sigmoid", "Mul", "LeakyRelu", "Elu", "Softplus");
        assertThat(model.getOpsetImport(0).getVersion()).isEqualTo(13);
        NodeProto gemm = model.getGraph().getNode(0);
        assertThat(gemm.getAttributeList()).anySatisfy(a -> assertThat(a.getName() + "=" + a.getI()).isEqualTo("transB=1"));
        assertThat(model.getGraph().getInput(0).getType().getTensorType().getShape().getDim(0).getDimParam()).isEqualTo("batch");
        assertThat(model.getGraph().getOutput(0).getName()).isEqualTo("output");
    }

    @Test
    void exportWritesAFileThatOnnxRuntimeLoads() throws Exception {
        Sequential model = everyLayer();
        Path file = dir.resolve("model.onnx");
        OnnxExporter.export(model, new int[] {3, 4}, file);
        Tensor x = input(4, 2, 3, 4);
        model.eval();
        assertThat(OnnxRuntimeCheck.run(Files.readAllBytes(file), x, new int[] {2, 1})).hasSize(2);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void exportingRestoresTrainingMode() {
        Sequential model = everyLayer();
        OnnxExporter.toBytes(model, new int[] {3, 4});
        assertThat(model.modules()).allMatch(Module::isTraining);
    }

    @Test
    void anUnsupportedLayerIsNamedWithItsPlace() {
        Module custom = new Module() {
            @Override
            public Tensor forward(Tensor input) {
                return input;
            }
        };
        assertThatThrownBy(() -> OnnxExporter.toBytes(new Sequential(new Linear(2, 2), new Sequential(new ReLU(), custom)), new int[] {2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot export 1.1 (")
                .hasMessageContaining("supported layers: Sequential, Linear");
    }

    @Test
    void aWrongInputShapeFailsNamingTheLayer() {
        assertThatThrownBy(() -> OnnxExporter.toBytes(new Sequential(new Linear(4, 2)), new int[] {5}))
                .hasMessageContaining("Linear(in=4, out=2)")
                .hasMessageContaining("needs last dimension 4");
    }
}
