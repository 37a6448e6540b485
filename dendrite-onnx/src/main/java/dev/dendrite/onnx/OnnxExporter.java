package dev.dendrite.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import dev.dendrite.autograd.NoGrad;
import dev.dendrite.io.AtomicFile;
import dev.dendrite.nn.Module;
import dev.dendrite.nn.Sequential;
import dev.dendrite.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exports a network of {@link LayerLowering#SUPPORTED supported layers} to an ONNX model (opset 13)
 * for serving with ONNX Runtime and other engines: float32 input {@code input} of shape
 * {@code [batch, ...inputShape]} with a dynamic batch, float32 output {@code output}, weights as
 * initializers. It computes what the module computes in evaluation mode.
 */
public final class OnnxExporter {

    /** The ONNX operator set the exported graphs use. */
    public static final int OPSET = 13;
    /** The ONNX IR version written (the one that goes with opset 13). */
    public static final int IR_VERSION = 7;

    private OnnxExporter() {
    }

    /** Writes {@code module} as an ONNX model for inputs {@code [batch, ...inputShapeWithoutBatch]} to {@code path}, atomically. */
    public static void export(Module module, int[] inputShapeWithoutBatch, Path path) {
        byte[] bytes = toBytes(module, inputShapeWithoutBatch);
        AtomicFile.write(path, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    /** The serialized ONNX model of {@code module} for inputs {@code [batch, ...inputShapeWithoutBatch]}. */
    public static byte[] toBytes(Module module, int[] inputShapeWithoutBatch) {
        return toModel(module, inputShapeWithoutBatch).toByteArray();
    }

    /**
     * The ONNX model of {@code module}. Each layer is run once on a zero batch of one to learn its output
     * shape (so a size mismatch fails here, naming the layer); an unsupported layer fails with an
     * {@link IllegalArgumentException} naming it and its place in the tree.
     */
    public static ModelProto toModel(Module module, int[] inputShapeWithoutBatch) {
        List<Boolean> modes = module.modules().stream().map(Module::isTraining).toList();
        module.eval();
        try (NoGrad noGrad = NoGrad.enter()) {
            return build(module, inputShapeWithoutBatch);
        } finally {
            List<Module> all = module.modules();
            for (int i = 0; i < all.size(); i++) {
                all.get(i).train(modes.get(i));
            }
        }
    }

    private static ModelProto build(Module module, int[] inputShape) {
        OnnxGraph graph = new OnnxGraph(inputShape);
        int[] dims = new int[inputShape.length + 1];
        dims[0] = 1;
        System.arraycopy(inputShape, 0, dims, 1, inputShape.length);
        Tensor probe = Tensor.zeros(dims);
        String value = OnnxGraph.INPUT;
        for (Layer layer : layers(module, "model")) {
            String lowered = LayerLowering.lower(layer.module(), value, probe.rank(), graph);
            if (lowered == null) {
                throw new IllegalArgumentException("cannot export " + layer.path() + " (" + layer.module().getClass().getName()
                        + ") to ONNX; supported layers: " + LayerLowering.SUPPORTED);
            }
            value = lowered;
            probe = layer.module().forward(probe);
        }
        int[] out = probe.dims();
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("dendrite")
                .setGraph(graph.finish(value, Arrays.copyOfRange(out, 1, out.length)))
                .build();
    }

    private record Layer(String path, Module module) {
    }

    /** The layers in order, nested Sequentials opened up; paths as in parameter names. */
    private static List<Layer> layers(Module module, String path) {
        List<Layer> layers = new ArrayList<>();
        if (module instanceof Sequential sequential) {
            sequential.children().forEach((name, child) -> layers.addAll(layers(child, path.equals("model") ? name : path + "." + name)));
        } else {
            layers.add(new Layer(path, module));
        }
        return layers;
    }
}
