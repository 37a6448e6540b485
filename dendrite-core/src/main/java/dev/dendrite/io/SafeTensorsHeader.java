package dev.dendrite.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
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
 * gap, nothing outside). It is read as a token stream, without a JSON tree, so even a header at the size
 * limit holding a million tiny entries costs little more memory than the entries themselves.
 */
record SafeTensorsHeader(List<TensorEntry> entries, Map<String, String> metadata) {

    static final String METADATA_KEY = "__metadata__";

    /** Parses {@code bytes} (the header of {@code file}, whose data section holds {@code dataSize} bytes). */
    static SafeTensorsHeader parse(byte[] bytes, long dataSize, Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ModelFileException(file, "the header is not valid UTF-8");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        List<TensorEntry> entries = new ArrayList<>();
        try (JsonParser parser = Json.MAPPER.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ModelFileException(file, "the header is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals(METADATA_KEY)) {
                    metadata = metadata(parser, file);
                } else {
                    entries.add(entry(name, parser, file));
                }
            }
            if (parser.nextToken() != null) {
                throw new ModelFileException(file, "the header has content after its JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new ModelFileException(file, "the header is invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelFileException(file, "the header cannot be parsed: " + e.getMessage(), e);
        }
        checkTiling(entries, dataSize, file);
        return new SafeTensorsHeader(List.copyOf(entries), metadata);
    }

    private static Map<String, String> metadata(JsonParser parser, Path file) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new ModelFileException(file, METADATA_KEY + " is not a JSON object");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                throw new ModelFileException(file, METADATA_KEY + " entry '" + key + "' is not a string");
            }
            metadata.put(key, parser.getText());
        }
        return metadata;
    }

    private static TensorEntry entry(String name, JsonParser parser, Path file) throws IOException {
        String where = "tensor '" + name + "'";
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new ModelFileException(file, where + " is not described by a JSON object");
        }
        String dtypeName = null;
        long[] shape = null;
        long[] offsets = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "dtype" -> {
                    if (value != JsonToken.VALUE_STRING) {
                        throw new ModelFileException(file, where + " has no dtype string");
                    }
                    dtypeName = parser.getText();
                }
                case "shape" -> shape = longs(parser, where + " shape", file);
                case "data_offsets" -> offsets = longs(parser, where + " data_offsets", file);
                default -> parser.skipChildren();
            }
        }
        if (dtypeName == null) {
            throw new ModelFileException(file, where + " has no dtype string");
        }
        DType dtype = dtype(dtypeName, where, file);
        if (shape == null) {
            throw new ModelFileException(file, where + " shape is missing");
        }
        if (offsets == null) {
            throw new ModelFileException(file, where + " data_offsets is missing");
        }
        if (offsets.length != 2) {
            throw new ModelFileException(file, where + " data_offsets has " + offsets.length + " numbers, expected 2");
        }
        return checked(name, dtype, shape, offsets[0], offsets[1], file);
    }

    private static TensorEntry checked(String name, DType dtype, long[] shape, long begin, long end, Path file) {
        String where = "tensor '" + name + "'";
        if (begin > end) {
            throw new ModelFileException(file, where + " has data_offsets [" + begin + ", " + end + "] that end before they begin");
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
                    + " elements (" + count * dtype.bytes() + " bytes) but data_offsets [" + begin + ", " + end
                    + "] span " + (end - begin) + " bytes");
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

    /** The JSON array of non-negative integers at the parser's current token. */
    private static long[] longs(JsonParser parser, String what, Path file) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new ModelFileException(file, what + " is missing or not a JSON array");
        }
        long[] values = new long[4];
        int size = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    || parser.getLongValue() < 0) {
                throw new ModelFileException(file, what + " holds " + describe(parser, token) + ", not a non-negative integer");
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = parser.getLongValue();
        }
        return Arrays.copyOf(values, size);
    }

    private static String describe(JsonParser parser, JsonToken token) throws IOException {
        return token.isStructStart() ? "a nested " + (token == JsonToken.START_ARRAY ? "array" : "object") : parser.getText();
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
