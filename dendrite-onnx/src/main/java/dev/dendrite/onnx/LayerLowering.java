package dev.dendrite.onnx;

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
import dev.dendrite.nn.SiLU;
import dev.dendrite.nn.Sigmoid;
import dev.dendrite.nn.Softmax;
import dev.dendrite.nn.Softplus;
import dev.dendrite.nn.Tanh;
import dev.dendrite.tensor.Tensor;
import java.util.List;

/** Turns one layer into ONNX nodes (opset 13), as inference computes it: dropout is dropped. */
final class LayerLowering {

    /** The layer types {@link #lower} handles, for error messages. */
    static final String SUPPORTED = "Sequential, Linear, Perceptron, ReLU, LeakyReLU, ELU, GELU, SiLU, Softplus, Sigmoid, Tanh, "
            + "Softmax, LogSoftmax, Flatten, Dropout, Identity";

    private LayerLowering() {
    }

    /**
     * Adds the nodes computing {@code layer} on {@code value} (of rank {@code rank}, batch included) to
     * {@code graph}; returns the name of the result, or null when the layer has no ONNX form here.
     */
    static String lower(Module layer, String value, int rank, OnnxGraph graph) {
        return switch (layer) {
            case Linear linear -> linear(linear.weight().value(), linear.bias() == null ? null : linear.bias().value(),
                    value, rank, graph);
            case Perceptron perceptron -> {
                String sum = linear(perceptron.weights().value(), perceptron.bias().value(), value, rank, graph);
                yield lower(perceptron.activation(), sum, rank, graph);
            }
            case ReLU relu -> graph.node("Relu", List.of(value));
            case LeakyReLU leaky -> graph.node("LeakyRelu", List.of(value), OnnxGraph.attribute("alpha", leaky.slope()));
            case ELU elu -> graph.node("Elu", List.of(value), OnnxGraph.attribute("alpha", elu.alpha()));
            case GELU gelu -> gelu(value, graph);
            case SiLU silu -> graph.node("Mul", List.of(value, graph.node("Sigmoid", List.of(value))));
            case Softplus softplus -> graph.node("Softplus", List.of(value));
            case Sigmoid sigmoid -> graph.node("Sigmoid", List.of(value));
            case Tanh tanh -> graph.node("Tanh", List.of(value));
            case Softmax softmax -> graph.node("Softmax", List.of(value), OnnxGraph.attribute("axis", (long) softmax.axis()));
            case LogSoftmax logSoftmax -> graph.node("LogSoftmax", List.of(value), OnnxGraph.attribute("axis", (long) logSoftmax.axis()));
            case Flatten flatten -> flatten(flatten.startAxis(), value, rank, graph);
            case Dropout dropout -> value;
            case Identity identity -> value;
            default -> null;
        };
    }

    /**
     * Axes from {@code start} on merged: ONNX's Flatten for the usual start axis 1 (it yields
     * {@code [N, rest]}), else a Reshape to {@code [0, ..., 0, -1]} (0 keeps an axis, -1 takes the rest).
     */
    private static String flatten(int start, String value, int rank, OnnxGraph graph) {
        if (rank <= start || (start == 1 && rank <= 2)) {
            return value;
        }
        if (start == 1) {
            return graph.node("Flatten", List.of(value), OnnxGraph.attribute("axis", 1L));
        }
        long[] shape = new long[start + 1];
        shape[start] = -1;
        return graph.node("Reshape", List.of(value, graph.int64Constant("shape", shape)));
    }

    /** {@code x W^T + b}: one Gemm for 2-D input, else MatMul with the transposed weight (and Add). */
    private static String linear(Tensor weight, Tensor bias, String value, int rank, OnnxGraph graph) {
        int out = weight.dim(0);
        int in = weight.dim(1);
        if (rank == 2) {
            String w = graph.constant("weight", weight.toArray(), out, in);
            List<String> inputs = bias == null ? List.of(value, w) : List.of(value, w, graph.constant("bias", bias.toArray(), out));
            return graph.node("Gemm", inputs, OnnxGraph.attribute("transB", 1L));
        }
        String product = graph.node("MatMul", List.of(value, graph.constant("weight_t", weight.t().toArray(), in, out)));
        return bias == null ? product : graph.node("Add", List.of(product, graph.constant("bias", bias.toArray(), out)));
    }

    /** The exact GELU {@code x * 0.5 * (1 + erf(x / sqrt 2))} from opset-13 ops. */
    private static String gelu(String value, OnnxGraph graph) {
        String scaled = graph.node("Div", List.of(value, graph.constant("sqrt2", new float[] {(float) Math.sqrt(2)})));
        String onePlusErf = graph.node("Add", List.of(graph.node("Erf", List.of(scaled)), graph.constant("one", new float[] {1f})));
        return graph.node("Mul", List.of(graph.node("Mul", List.of(value, onePlusErf)), graph.constant("half", new float[] {0.5f})));
    }
}
