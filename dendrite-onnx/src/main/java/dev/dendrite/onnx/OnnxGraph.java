package dev.dendrite.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * An ONNX graph under construction: float32 initializers, nodes with fresh output names, and one
 * input and one output whose first dimension is the symbolic {@code batch}.
 */
final class OnnxGraph {

    static final String INPUT = "input";
    static final String OUTPUT = "output";

    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("dendrite");
    private int counter;

    /** Declares the graph input {@code [batch, ...dims]}. */
    OnnxGraph(int[] dims) {
        graph.addInput(valueInfo(INPUT, dims));
    }

    /** Adds a float32 initializer named after {@code hint}; returns its name. */
    String constant(String hint, float[] values, int... dims) {
        String name = fresh(hint);
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        TensorProto.Builder tensor = TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(bytes.array()));
        for (int dim : dims) {
            tensor.addDims(dim);
        }
        graph.addInitializer(tensor);
        return name;
    }

    /** Adds a 1-D int64 initializer (a shape, say) named after {@code hint}; returns its name. */
    String int64Constant(String hint, long... values) {
        String name = fresh(hint);
        graph.addInitializer(TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length)
                .addAllInt64Data(java.util.Arrays.stream(values).boxed().toList()));
        return name;
    }

    /** Adds a node applying {@code op} to {@code inputs}; returns the name of its one output. */
    String node(String op, List<String> inputs, AttributeProto... attributes) {
        String output = fresh(op.toLowerCase());
        graph.addNode(NodeProto.newBuilder()
                .setOpType(op)
                .setName(output)
                .addAllInput(inputs)
                .addOutput(output)
                .addAllAttribute(List.of(attributes)));
        return output;
    }

    /** The graph with {@code value} renamed to {@value #OUTPUT} and declared as the output {@code [batch, ...dims]}. */
    GraphProto finish(String value, int[] dims) {
        if (value.equals(INPUT)) {
            value = node("Identity", List.of(INPUT));
        }
        NodeProto.Builder last = graph.getNodeBuilder(graph.getNodeCount() - 1);
        if (!last.getOutput(0).equals(value)) {
            throw new IllegalStateException("the graph's last node does not produce " + value);
        }
        last.setOutput(0, OUTPUT);
        graph.addOutput(valueInfo(OUTPUT, dims));
        return graph.build();
    }

    /** A float attribute. */
    static AttributeProto attribute(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    /** An integer attribute. */
    static AttributeProto attribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    private String fresh(String hint) {
        return hint + "_" + counter++;
    }

    private static ValueInfoProto valueInfo(String name, int[] dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        shape.addDimBuilder().setDimParam("batch");
        for (int dim : dims) {
            shape.addDimBuilder().setDimValue(dim);
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT_VALUE)
                        .setShape(shape)))
                .build();
    }
}
