package dev.dendrite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a model reads, kept in its file under {@value #KEY} so that evaluate, predict and landscape
 * prepare new data exactly as train did: rows of named CSV columns, or images of a fixed size and
 * channel count with pixels scaled to [0, 1] (8-bit value / 255; image files are resized bilinearly to
 * that size first). The model's scaler (in its preprocessing) then applies on top.
 *
 * @param kind {@code "table"} or {@code "images"}
 * @param columns the feature columns of a table, in order (empty when unknown)
 * @param target the target column of a table, or null
 * @param channels the channels of an image: 1 (grayscale) or 3 (RGB); 0 for a table
 * @param height the image height in pixels; 0 for a table
 * @param width the image width in pixels; 0 for a table
 * @param inputs the number of values per example the network reads
 */
record InputFormat(String kind, List<String> columns, String target, int channels, int height, int width, int inputs) {

    /** The model-file metadata key. */
    static final String KEY = "dendrite.input";

    static final String TABLE = "table";
    static final String IMAGES = "images";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    InputFormat {
        columns = List.copyOf(columns);
    }

    /** Rows of a CSV table with these feature columns. */
    static InputFormat table(List<String> columns, String target) {
        return new InputFormat(TABLE, columns, target, 0, 0, 0, columns.size());
    }

    /** Images of {@code channels x height x width}, pixels in [0, 1]. */
    static InputFormat images(int channels, int height, int width) {
        return new InputFormat(IMAGES, List.of(), null, channels, height, width, channels * height * width);
    }

    /** What a model file without this entry (written before it existed) reads: {@code inputs} unnamed columns. */
    static InputFormat unknownTable(int inputs) {
        return new InputFormat(TABLE, List.of(), null, 0, 0, 0, inputs);
    }

    boolean isImages() {
        return kind.equals(IMAGES);
    }

    boolean grayscale() {
        return channels == 1;
    }

    /** E.g. {@code 28x28 grayscale images (784 inputs)} or {@code CSV rows of 30 feature columns}. */
    String describe() {
        if (isImages()) {
            return String.format(Locale.ROOT, "%dx%d %s images (%,d inputs)", width, height,
                    grayscale() ? "grayscale" : "RGB", inputs);
        }
        return "CSV rows of " + inputs + " feature columns";
    }

    /** The metadata value: a small JSON object. */
    String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", kind);
        if (isImages()) {
            json.put("channels", channels);
            json.put("height", height);
            json.put("width", width);
            json.put("pixels", "value / 255, so in [0, 1]; image files resized (bilinear) to width x height");
        } else {
            json.put("columns", columns);
            json.put("target", target);
        }
        try {
            return MAPPER.writeValueAsString(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a metadata value written by {@link #toJson()}; {@code inputs} is the network's input width. */
    static InputFormat fromJson(String text, int inputs) {
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new CliException(KEY + " in the model file is not valid JSON: " + e.getMessage());
        }
        if (json.path("kind").asText().equals(IMAGES)) {
            InputFormat format = images(json.path("channels").asInt(), json.path("height").asInt(), json.path("width").asInt());
            if (format.channels() < 1 || format.height() < 1 || format.width() < 1) {
                throw new CliException(KEY + " in the model file has no valid image size: " + text);
            }
            return format;
        }
        List<String> columns = new ArrayList<>();
        json.path("columns").forEach(c -> columns.add(c.asText()));
        String target = json.path("target").isTextual() ? json.path("target").asText() : null;
        return columns.isEmpty() ? new InputFormat(TABLE, List.of(), target, 0, 0, 0, inputs) : table(columns, target);
    }
}
