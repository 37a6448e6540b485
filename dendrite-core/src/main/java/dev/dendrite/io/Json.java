package dev.dendrite.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/** The one Jackson configuration for every JSON document in model files: strict, bounded, exact for decimals. */
final class Json {

    /** Safetensors caps its header at 100 MB; so do we, and no string inside it can be longer. */
    static final int MAX_HEADER_BYTES = 100_000_000;

    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(MAX_HEADER_BYTES)
                            .maxNestingDepth(256)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final int NEGATIVE_ZERO = Float.floatToRawIntBits(-0f);
    private static final Set<String> SPECIAL_FLOATS = Set.of("NaN", "Infinity", "-Infinity", "-0.0");

    private Json() {
    }

    /** Parses one JSON document; a syntax error becomes an {@link IllegalArgumentException} saying where. */
    static JsonNode parse(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("empty JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * {@code value} as JSON, read back exactly by {@link #toFloat}: the shortest decimal for finite
     * values; the strings "NaN", "Infinity", "-Infinity" and "-0.0" for those that JSON numbers (or the
     * exact decimals they are read as) cannot carry.
     */
    static JsonNode floatNode(float value) {
        if (!Float.isFinite(value) || Float.floatToRawIntBits(value) == NEGATIVE_ZERO) {
            return MAPPER.getNodeFactory().textNode(Float.toString(value));
        }
        return MAPPER.getNodeFactory().numberNode(value);
    }

    /** The float {@link #floatNode} wrote, or null when {@code node} is neither a number nor one of its strings. */
    static Float toFloat(JsonNode node) {
        if (node.isNumber()) {
            return Float.parseFloat(node.asText());
        }
        if (node.isTextual() && isSpecialFloat(node.textValue())) {
            return Float.parseFloat(node.textValue());
        }
        return null;
    }

    /** Whether {@code text} is one of the strings {@link #floatNode} writes for values JSON numbers cannot carry. */
    static boolean isSpecialFloat(String text) {
        return SPECIAL_FLOATS.contains(text);
    }

    /** A new empty JSON object. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code node} as compact JSON text. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
