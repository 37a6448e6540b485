package dev.dendrite.io;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The CRC-32C that Dendrite files carry in their metadata under {@link #KEY}. It covers the header's
 * meaning (each tensor's name, dtype, shape and offsets, sorted by name, then every other metadata entry,
 * sorted by key) followed by every byte of the data section, so a flipped bit anywhere a reader looks is
 * caught, while whitespace and key order in the JSON may differ.
 */
final class Checksum {

    /** The metadata key of the checksum. */
    static final String KEY = "dendrite.checksum";

    private static final String PREFIX = "crc32c:";

    private final CRC32C crc = new CRC32C();

    /** Starts a checksum over the header described by {@code entries} and {@code metadata} (whose own {@link #KEY} is ignored). */
    Checksum(List<TensorEntry> entries, Map<String, String> metadata) {
        entries.stream().sorted(Comparator.comparing(TensorEntry::name)).forEach(entry -> text(entry.name() + '\0'
                + entry.dtype() + '\0' + Arrays.toString(entry.shape()) + '\0' + entry.begin() + '\0' + entry.end() + '\n'));
        new TreeMap<>(metadata).forEach((key, value) -> {
            if (!key.equals(KEY)) {
                text(key + '\0' + value + '\n');
            }
        });
    }

    private void text(String text) {
        crc.update(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds the remaining bytes of {@code data} (the data section, in file order); leaves its position unchanged. */
    void update(ByteBuffer data) {
        crc.update(data.duplicate());
    }

    /** The value as stored in metadata, e.g. {@code crc32c:1a2b3c4d}. */
    String value() {
        return PREFIX + HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /** A placeholder of the same length as every {@link #value()}, so the header can be sized before the data is written. */
    static String placeholder() {
        return PREFIX + "00000000";
    }
}
