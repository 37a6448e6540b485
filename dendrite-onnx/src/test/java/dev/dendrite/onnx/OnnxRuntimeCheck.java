package dev.dendrite.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.dendrite.autograd.NoGrad;
import dev.dendrite.nn.Module;
import dev.dendrite.tensor.Tensor;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;

/** Runs an exported model in ONNX Runtime and compares it with Dendrite. */
final class OnnxRuntimeCheck {

    private OnnxRuntimeCheck() {
    }

    /** ONNX Runtime's output of the model {@code bytes} for {@code input}, with its shape checked against Dendrite's. */
    static float[] run(byte[] bytes, Tensor input, int[] expectedShape) throws OrtException {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        long[] shape = Arrays.stream(input.dims()).asLongStream().toArray();
        try (OrtSession session = environment.createSession(bytes, new OrtSession.SessionOptions());
                OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input.toArray()), shape);
                OrtSession.Result result = session.run(Map.of("input", tensor))) {
            OnnxTensor output = (OnnxTensor) result.get("output").orElseThrow();
            assertThat(output.getInfo().getShape()).isEqualTo(Arrays.stream(expectedShape).asLongStream().toArray());
            FloatBuffer values = output.getFloatBuffer();
            float[] array = new float[values.remaining()];
            values.get(array);
            return array;
        }
    }

    /** Asserts that ONNX Runtime and Dendrite (in evaluation mode) agree within 1e-5 on {@code input}. */
    static void assertAgrees(Module module, int[] inputShape, Tensor input) throws OrtException {
        byte[] bytes = OnnxExporter.toBytes(module, inputShape);
        module.eval();
        Tensor expected;
        try (NoGrad noGrad = NoGrad.enter()) {
            expected = module.forward(input);
        }
        float[] actual = run(bytes, input, expected.dims());
        float[] wanted = expected.toArray();
        double worst = 0;
        for (int i = 0; i < wanted.length; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - wanted[i]));
        }
        assertThat(worst).as("max |ONNX Runtime - Dendrite| for " + module.getClass().getSimpleName()).isLessThan(1e-5);
    }
}
