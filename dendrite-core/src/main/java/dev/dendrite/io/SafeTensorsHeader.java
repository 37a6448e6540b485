package dev.dendrite.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON header of a safetensors file, parsed and checked against the size of the data section
 * before a single tensor byte is read: every entry has a known dtype, a shape whose element count fits
 * a Java array and matches its byte range, and the ranges tile the data section exactly (no overlap, no
 * gap, nothing outside).
 */
record SafeTensorsHeader(List<TensorEntry> entries, Map<String, String> metadata) {

    static final String METADATA_KEY = "__metadata__";

    /** Parses {@code bytes} (the header of {@code file}, whose data section holds {@code dataSize} bytes). */
    static SafeTensorsHeader parse(byte[] bytes, long dataSize, Path file) {
        JsonNode root;
        try {
            root = Json.parse(utf8(bytes));
        } catch (CharacterCodingException e) {
            throw new ModelFileException(file, "the header is not valid UTF-8");
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, "the header is " + e.getMessage(), e);
        }
        if (!(root instanceof ObjectNode object)) {
            throw new ModelFileException(file, "the header is not a JSON object");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<TensorEntry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (field.getKey().equals(METADATA_KEY)) {
                metadata = metadata(field.getValue(), file);
            } else {
                entries.add(entry(field.getKey(), field.getValue(), file));
            }
        }
        checkTiling(entries, dataSize, file);
        return new SafeTensorsHeader(List.copyOf(entries), metadata);
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static Map<String, String> metadata(JsonNode node, Path file) {
        if (!node.isObject()) {
            throw new ModelFileException(file, METADATA_KEY + " is not a JSON object");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getValue().isTextual()) {
                throw new ModelFileException(file, METADATA_KEY + " entry '" + field.getKey() + "' is not a string");
            }
            metadata.put(field.getKey(), field.getValue().textValue());
        }
        return metadata;
    }

    private static TensorEntry entry(String name, JsonNode node, Path file) {
        String where = "tensor '" + name + "'";
        if (!node.isObject()) {
            throw new ModelFileException(file, where + " is not described by a JSON object");
        }
        JsonNode dtypeNode = node.get("dtype");
        if (dtypeNode == null || !dtypeNode.isTextual()) {
            throw new ModelFileException(file, where + " has no dtype string");
        }
        DType dtype = dtype(dtypeNode.textValue(), where, file);
        long[] shape = longs(node.get("shape"), where + " shape", -1, file);
        long[] offsets = longs(node.get("data_offsets"), where + " data_offsets", 2, file);
        long begin = offsets[0];
        long end = offsets[1];
        if (begin > end) {
            throw new ModelFileException(file, where + " has data_offsets " + Arrays.toString(offsets) + " that end before they begin");
        }
        long count = 1;
        for (long dim : shape) {
            try {
                count = Math.multiplyExact(count, dim);
            } catch (ArithmeticException e) {
                throw new ModelFileException(file, where + " has shape " + Arrays.toString(shape) + " whose element count overflows");
            }
        }
        if (count > Integer.MAX_VALUE - 16) {
            throw new ModelFileException(file, where + " has shape " + Arrays.toString(shape) + " with " + count
                    + " elements, more than one tensor can hold");
        }
        if (count * dtype.bytes() != end - begin) {
            throw new ModelFileException(file, where + " has shape " + Arrays.toString(shape) + " of " + count + " " + dtype
                    + " elements (" + count * dtype.bytes() + " bytes) but data_offsets " + Arrays.toString(offsets)
                    + " span " + (end - begin) + " bytes");
        }
        int[] dims = new int[shape.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = (int) shape[i];
        }
        return new TensorEntry(name, dtype, dims, begin, end);
    }

    private static DType dtype(String name, String where, Path file) {
        for (DType dtype : DType.values()) {
            if (dtype.name().equals(name)) {
                return dtype;
            }
        }
        boolean known = List.of("BOOL", "U8", "I8", "I16", "U16", "I32", "U32", "I64", "U64", "F8_E4M3", "F8_E5M2").contains(name);
        throw new ModelFileException(file, where + " has " + (known ? "unsupported" : "unknown") + " dtype '" + name
                + "'; Dendrite reads " + Arrays.toString(DType.values()));
    }

    /** A JSON array of non-negative integers; {@code length} -1 for any length. */
    private static long[] longs(JsonNode node, String what, int length, Path file) {
        if (!(node instanceof ArrayNode array)) {
            throw new ModelFileException(file, what + " is missing or not a JSON array");
        }
        if (length >= 0 && array.size() != length) {
            throw new ModelFileException(file, what + " has " + array.size() + " numbers, expected " + length);
        }
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = array.get(i);
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
                throw new ModelFileException(file, what + " holds " + value + ", not a non-negative integer");
            }
            values[i] = value.longValue();
        }
        return values;
    }

    /** The byte ranges, in order, must cover {@code [0, dataSize)} exactly once. */
    private static void checkTiling(List<TensorEntry> entries, long dataSize, Path file) {
        List<TensorEntry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
        long position = 0;
        TensorEntry previous = null;
        for (TensorEntry entry : ordered) {
            if (entry.end() > dataSize) {
                throw new ModelFileException(file, "tensor '" + entry.name() + "' has data_offsets [" + entry.begin() + ", "
                        + entry.end() + "] outside the data section of " + dataSize + " bytes");
            }
            if (entry.begin() < position) {
                throw new ModelFileException(file, "tensors '" + previous.name() + "' and '" + entry.name() + "' overlap");
            }
            if (entry.begin() > position) {
                throw new ModelFileException(file, "data bytes [" + position + ", " + entry.begin() + ") belong to no tensor");
            }
            position = entry.end();
            previous = entry;
        }
        if (position != dataSize) {
            throw new ModelFileException(file, "the data section has " + (dataSize - position)
                    + " bytes after the last tensor (" + dataSize + " in all)");
        }
    }
}
