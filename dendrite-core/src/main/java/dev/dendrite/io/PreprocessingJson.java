package dev.dendrite.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dendrite.tensor.Tensor;
import java.io.IOException;
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

    /**
     * Parses the entry as a token stream (a scaler may hold millions of values; no JSON tree is built),
     * reading each number from its exact text. A malformed entry fails with an
     * {@link IllegalArgumentException} saying what is wrong; unknown fields are skipped.
     */
    static Preprocessing read(String json) {
        try (JsonParser parser = Json.MAPPER.createParser(json)) {
            expect(parser, parser.nextToken(), JsonToken.START_OBJECT, "preprocessing");
            String kind = null;
            List<String> classNames = null;
            Map<String, Tensor> params = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken token = parser.nextToken();
                switch (field) {
                    case "kind" -> kind = string(parser, token, "preprocessing kind");
                    case "class_names" -> classNames = classNames(parser, token);
                    case "params" -> params = params(parser, token);
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("preprocessing has content after its JSON object");
            }
            if (kind == null || classNames == null || params == null) {
                throw new IllegalArgumentException("preprocessing needs kind, class_names and params");
            }
            return new Preprocessing(kind, params, classNames);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("preprocessing is invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("preprocessing cannot be parsed: " + e.getMessage(), e);
        }
    }

    private static List<String> classNames(JsonParser parser, JsonToken token) throws IOException {
        expect(parser, token, JsonToken.START_ARRAY, "preprocessing class_names");
        List<String> names = new ArrayList<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
            names.add(string(parser, next, "a class name"));
        }
        return names;
    }

    private static Map<String, Tensor> params(JsonParser parser, JsonToken token) throws IOException {
        expect(parser, token, JsonToken.START_OBJECT, "preprocessing params");
        Map<String, Tensor> params = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            params.put(name, tensor(name, parser, parser.nextToken()));
        }
        return params;
    }

    private static Tensor tensor(String name, JsonParser parser, JsonToken token) throws IOException {
        String where = "preprocessing param '" + name + "'";
        expect(parser, token, JsonToken.START_OBJECT, where);
        int[] shape = null;
        float[] values = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken next = parser.nextToken();
            switch (field) {
                case "shape" -> shape = shape(parser, next, where + " shape");
                case "values" -> values = values(parser, next, where + " values");
                default -> parser.skipChildren();
            }
        }
        if (shape == null || values == null) {
            throw new IllegalArgumentException(where + " needs a shape and values");
        }
        long count = 1;
        for (int dim : shape) {
            count = Math.min(count * dim, Integer.MAX_VALUE + 1L);
        }
        if (count != values.length) {
            throw new IllegalArgumentException(where + " has " + values.length + " values for a shape of " + Arrays.toString(shape));
        }
        return Tensor.wrap(values, shape);
    }

    private static int[] shape(JsonParser parser, JsonToken token, String what) throws IOException {
        expect(parser, token, JsonToken.START_ARRAY, what);
        int[] dims = new int[4];
        int size = 0;
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
            if (next != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT || parser.getIntValue() < 0) {
                throw new IllegalArgumentException(what + " holds " + parser.getText() + ", not a non-negative integer");
            }
            if (size == dims.length) {
                dims = Arrays.copyOf(dims, size * 2);
            }
            dims[size++] = parser.getIntValue();
        }
        return Arrays.copyOf(dims, size);
    }

    private static float[] values(JsonParser parser, JsonToken token, String what) throws IOException {
        expect(parser, token, JsonToken.START_ARRAY, what);
        float[] values = new float[16];
        int size = 0;
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
            boolean number = next == JsonToken.VALUE_NUMBER_INT || next == JsonToken.VALUE_NUMBER_FLOAT;
            if (!number && !(next == JsonToken.VALUE_STRING && Json.isSpecialFloat(parser.getText()))) {
                throw new IllegalArgumentException(what + " holds " + parser.getText() + ", not a number");
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = Float.parseFloat(parser.getText());
        }
        return Arrays.copyOf(values, size);
    }

    private static String string(JsonParser parser, JsonToken token, String what) throws IOException {
        expect(parser, token, JsonToken.VALUE_STRING, what);
        return parser.getText();
    }

    private static void expect(JsonParser parser, JsonToken actual, JsonToken expected, String what) throws IOException {
        if (actual != expected) {
            String kind = switch (expected) {
                case START_OBJECT -> "a JSON object";
                case START_ARRAY -> "a JSON array";
                default -> "a string";
            };
            throw new IllegalArgumentException(what + " should be " + kind + ", is " + (actual == null ? "missing" : parser.getText()));
        }
    }
}
