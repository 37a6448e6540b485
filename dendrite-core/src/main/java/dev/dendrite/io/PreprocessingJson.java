package dev.dendrite.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dendrite.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Preprocessing} as the JSON of a model file's {@code dendrite.preprocessing} entry:
 * {@code {"kind": "standard", "class_names": [...], "params": {"mean": {"shape": [30], "values": [...]}}}}.
 * Values are written as the shortest decimals that read back to the same float32 (non-finite ones and -0 as
 * strings, see {@link Json#floatNode}). Kept out of the tensor section so that the file's tensors
 * are exactly the module's state dict.
 */
final class PreprocessingJson {

    private PreprocessingJson() {
    }

    static String write(Preprocessing preprocessing) {
        ObjectNode root = Json.object();
        root.put("kind", preprocessing.kind());
        ArrayNode names = root.putArray("class_names");
        preprocessing.classNames().forEach(names::add);
        ObjectNode params = root.putObject("params");
        preprocessing.params().forEach((name, tensor) -> {
            ObjectNode param = params.putObject(name);
            ArrayNode shape = param.putArray("shape");
            for (int dim : tensor.dims()) {
                shape.add(dim);
            }
            ArrayNode values = param.putArray("values");
            for (float value : tensor.data()) {
                values.add(Json.floatNode(value));
            }
        });
        return Json.write(root);
    }

    /** Parses the entry; a malformed one fails with an {@link IllegalArgumentException} saying what is wrong. */
    static Preprocessing read(String json) {
        JsonNode root = Json.parse(json);
        if (!root.isObject()) {
            throw new IllegalArgumentException("preprocessing is not a JSON object");
        }
        String kind = text(root.get("kind"), "preprocessing kind");
        List<String> classNames = new ArrayList<>();
        for (JsonNode name : array(root.get("class_names"), "preprocessing class_names")) {
            classNames.add(text(name, "a class name"));
        }
        Map<String, Tensor> params = new LinkedHashMap<>();
        JsonNode paramsNode = root.get("params");
        if (paramsNode == null || !paramsNode.isObject()) {
            throw new IllegalArgumentException("preprocessing params is missing or not a JSON object");
        }
        for (Map.Entry<String, JsonNode> param : paramsNode.properties()) {
            params.put(param.getKey(), tensor(param.getKey(), param.getValue()));
        }
        return new Preprocessing(kind, params, classNames);
    }

    private static Tensor tensor(String name, JsonNode node) {
        String where = "preprocessing param '" + name + "'";
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " is not a JSON object");
        }
        ArrayNode shapeNode = array(node.get("shape"), where + " shape");
        ArrayNode valuesNode = array(node.get("values"), where + " values");
        int[] shape = new int[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode dim = shapeNode.get(i);
            if (!dim.isIntegralNumber() || !dim.canConvertToInt() || dim.intValue() < 0) {
                throw new IllegalArgumentException(where + " shape holds " + dim + ", not a non-negative integer");
            }
            shape[i] = dim.intValue();
            count = Math.min(count * shape[i], Long.MAX_VALUE / Integer.MAX_VALUE);
        }
        if (count != valuesNode.size()) {
            throw new IllegalArgumentException(where + " has " + valuesNode.size() + " values for a shape of "
                    + Arrays.toString(shape));
        }
        float[] values = new float[valuesNode.size()];
        for (int i = 0; i < values.length; i++) {
            Float value = Json.toFloat(valuesNode.get(i));
            if (value == null) {
                throw new IllegalArgumentException(where + " holds " + valuesNode.get(i) + ", not a number");
            }
            values[i] = value;
        }
        return Tensor.wrap(values, shape);
    }

    private static String text(JsonNode node, String what) {
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(what + " is missing or not a string");
        }
        return node.textValue();
    }

    private static ArrayNode array(JsonNode node, String what) {
        if (!(node instanceof ArrayNode array)) {
            throw new IllegalArgumentException(what + " is missing or not a JSON array");
        }
        return array;
    }
}
