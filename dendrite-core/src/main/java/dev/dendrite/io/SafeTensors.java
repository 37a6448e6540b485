package dev.dendrite.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dendrite.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the <a href="https://github.com/huggingface/safetensors">safetensors</a> format, the
 * container of every Dendrite model file and checkpoint: an 8-byte little-endian header length N, N bytes
 * of JSON mapping each tensor name to {@code {"dtype", "shape", "data_offsets"}} (plus string metadata
 * under {@code __metadata__}), then the raw little-endian tensor bytes.
 *
 * <p>Files are written atomically ({@link AtomicFile}) as F32 and carry a CRC-32C under
 * {@code dendrite.checksum}. Reading checks everything before trusting it (header size capped at
 * 100 MB, offsets, shapes, overlaps, dtypes, the checksum when present) and fails with a
 * {@link ModelFileException} naming the file and the problem; F16, BF16 and F64 tensors are converted
 * to float32.
 */
public final class SafeTensors {

    private static final int CHUNK_BYTES = 1 << 20;

    private SafeTensors() {
    }

    /**
     * Writes {@code tensors} (as F32, in map order) and {@code metadata} to {@code path}, replacing it
     * atomically. A {@code dendrite.checksum} entry is added (or replaced) in the metadata.
     */
    public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata) {
        List<TensorEntry> entries = new ArrayList<>();
        long offset = 0;
        for (Map.Entry<String, Tensor> tensor : tensors.entrySet()) {
            String name = tensor.getKey();
            if (name == null || name.isEmpty() || name.equals(SafeTensorsHeader.METADATA_KEY) || tensor.getValue() == null) {
                throw new ModelFileException(path, "cannot write a tensor named '" + name + "'" + (tensor.getValue() == null ? " without a value" : ""));
            }
            long bytes = 4L * tensor.getValue().size();
            entries.add(new TensorEntry(name, DType.F32, tensor.getValue().dims(), offset, offset + bytes));
            offset += bytes;
        }
        Map<String, String> allMetadata = new LinkedHashMap<>();
        metadata.forEach((key, value) -> {
            if (key == null || value == null) {
                throw new ModelFileException(path, "cannot write metadata with a null key or value (key '" + key + "')");
            }
            allMetadata.put(key, value);
        });
        AtomicFile.write(path, channel -> writeTo(channel, entries, tensors, allMetadata));
    }

    private static void writeTo(FileChannel channel, List<TensorEntry> entries, Map<String, Tensor> tensors,
            Map<String, String> metadata) throws IOException {
        Checksum checksum = new Checksum(entries, metadata);
        metadata.put(Checksum.KEY, Checksum.placeholder());
        byte[] placeholderHeader = header(entries, metadata);
        if (placeholderHeader.length > Json.MAX_HEADER_BYTES) {
            throw new IOException("the header would take " + placeholderHeader.length + " bytes, more than the "
                    + Json.MAX_HEADER_BYTES + " any reader accepts");
        }
        channel.position(8L + placeholderHeader.length);
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (Tensor tensor : tensors.values()) {
            float[] data = tensor.data();
            for (int start = 0; start < data.length; start += CHUNK_BYTES / 4) {
                int count = Math.min(CHUNK_BYTES / 4, data.length - start);
                buffer.clear();
                buffer.asFloatBuffer().put(data, start, count);
                buffer.limit(count * 4);
                checksum.update(buffer);
                writeFully(channel, buffer);
            }
        }
        metadata.put(Checksum.KEY, checksum.value());
        byte[] header = header(entries, metadata);
        if (header.length != placeholderHeader.length) {
            throw new IllegalStateException("the checksum changed the header length");
        }
        ByteBuffer prefix = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
        prefix.putLong(header.length).put(header).flip();
        channel.position(0);
        writeFully(channel, prefix);
    }

    /** The JSON header, padded with spaces so the data section starts 8-byte aligned, as the reference writer does. */
    private static byte[] header(List<TensorEntry> entries, Map<String, String> metadata) {
        ObjectNode root = Json.object();
        ObjectNode meta = root.putObject(SafeTensorsHeader.METADATA_KEY);
        metadata.forEach(meta::put);
        for (TensorEntry entry : entries) {
            ObjectNode node = root.putObject(entry.name());
            node.put("dtype", entry.dtype().name());
            var shape = node.putArray("shape");
            for (int dim : entry.shape()) {
                shape.add(dim);
            }
            node.putArray("data_offsets").add(entry.begin()).add(entry.end());
        }
        byte[] json = Json.write(root).getBytes(StandardCharsets.UTF_8);
        int padded = (json.length + 7) / 8 * 8;
        byte[] header = new byte[padded];
        System.arraycopy(json, 0, header, 0, json.length);
        for (int i = json.length; i < padded; i++) {
            header[i] = ' ';
        }
        return header;
    }

    /** Reads every tensor and the metadata of {@code path}, checking the file as described above. */
    public static TensorFile read(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(channel, path);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(path, "no such file", e);
        } catch (IOException e) {
            throw new ModelFileException(path, "cannot read: " + e, e);
        }
    }

    private static TensorFile read(FileChannel channel, Path path) throws IOException {
        long size = channel.size();
        if (size < 8) {
            throw new ModelFileException(path, "the file has " + size + " bytes, too few for a safetensors header length (8)");
        }
        ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, lengthBytes, path);
        long headerLength = lengthBytes.flip().getLong();
        if (headerLength < 0 || headerLength > Json.MAX_HEADER_BYTES) {
            throw new ModelFileException(path, "the header length " + Long.toUnsignedString(headerLength)
                    + " exceeds the limit of " + Json.MAX_HEADER_BYTES + " bytes" + textHint(lengthBytes));
        }
        if (headerLength > size - 8) {
            throw new ModelFileException(path, "the header length " + headerLength + " is larger than the file ("
                    + size + " bytes): truncated or not a safetensors file" + textHint(lengthBytes));
        }
        ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
        readFully(channel, headerBytes, path);
        long dataSize = size - 8 - headerLength;
        SafeTensorsHeader header = SafeTensorsHeader.parse(headerBytes.array(), dataSize, path);
        String expected = header.metadata().get(Checksum.KEY);
        if (expected != null && expected.length() != Checksum.placeholder().length()) {
            throw new ModelFileException(path, Checksum.KEY + " '" + expected + "' is malformed");
        }
        Checksum checksum = new Checksum(header.entries(), header.metadata());
        Map<String, float[]> values = readData(channel, header.entries(), checksum, path);
        if (expected != null && !expected.equals(checksum.value())) {
            throw new ModelFileException(path, "checksum mismatch: the file says " + expected + " but its content gives "
                    + checksum.value() + "; the file is corrupt");
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (TensorEntry entry : header.entries()) {
            tensors.put(entry.name(), Tensor.wrap(values.get(entry.name()), entry.shape()));
        }
        return new TensorFile(tensors, header.metadata());
    }

    /**
     * When the 8 bytes read as the header length are printable text (a CSV or JSON file given as a model),
     * a note saying so: a safetensors file starts with a binary length, so the reader sees the mistake.
     */
    private static String textHint(ByteBuffer lengthBytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            int b = lengthBytes.get(i) & 0xff;
            if (b < 0x20 || b > 0x7e) {
                return "";
            }
            text.append((char) b);
        }
        return "; the file starts with the text '" + text + "', so it is not a model file (Dendrite models are"
                + " safetensors files, which start with a binary header length)";
    }

    /** Streams the data section once, in file order, feeding the checksum and decoding each tensor. */
    private static Map<String, float[]> readData(FileChannel channel, List<TensorEntry> entries, Checksum checksum, Path path)
            throws IOException {
        List<TensorEntry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparingLong(TensorEntry::begin));
        Map<String, float[]> values = new LinkedHashMap<>();
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (TensorEntry entry : ordered) {
            int count = entry.count();
            float[] data = new float[count];
            int perChunk = CHUNK_BYTES / entry.dtype().bytes();
            for (int start = 0; start < count; start += perChunk) {
                int n = Math.min(perChunk, count - start);
                buffer.clear().limit(n * entry.dtype().bytes());
                readFully(channel, buffer, path);
                buffer.flip();
                checksum.update(buffer);
                entry.dtype().decode(buffer, data, start, n);
            }
            values.put(entry.name(), data);
        }
        return values;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, Path path) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new ModelFileException(path, "the file ended early (it shrank while being read)");
            }
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
