package dev.dendrite.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a large CSV file into line-aligned byte ranges that can be parsed independently, when that is
 * safe: the encoding is ASCII-compatible (a newline byte is always a newline) and the file has no
 * quote character (so no quoted cell spans lines).
 */
final class CsvChunks {

    /** Files smaller than this are parsed on one thread: splitting would cost more than it saves. */
    static final long MIN_PARALLEL_BYTES = 8L << 20;

    private static final int SCAN = 1 << 20;

    /** A byte range {@code [start, end)} and the 1-based line on which it starts. */
    record Chunk(long start, long end, long firstLine) {
    }

    private CsvChunks() {
    }

    /**
     * The file past its first line cut into about {@code parts} chunks, or an empty list when it must
     * be read sequentially. The first line (header or first row) ends at {@code chunks.get(0).start()}.
     */
    static List<Chunk> plan(Path file, Charset charset, char quote, int parts) throws IOException {
        if (parts < 2 || !(charset.equals(StandardCharsets.UTF_8) || charset.equals(StandardCharsets.US_ASCII)
                || charset.equals(StandardCharsets.ISO_8859_1)) || quote > 0x7F) {
            return List.of();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < MIN_PARALLEL_BYTES) {
                return List.of();
            }
            long target = size / parts;
            List<Long> cuts = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            ByteBuffer buffer = ByteBuffer.allocate(SCAN);
            long position = 0;
            long newlines = 0;
            long nextCut = -1;
            while (position < size) {
                buffer.clear();
                int n = channel.read(buffer, position);
                if (n <= 0) {
                    break;
                }
                byte[] bytes = buffer.array();
                for (int i = 0; i < n; i++) {
                    byte b = bytes[i];
                    if (b == quote) {
                        return List.of();
                    }
                    if (b == '\n') {
                        newlines++;
                        long after = position + i + 1;
                        if (cuts.isEmpty() || after >= nextCut && after < size) {
                            cuts.add(after);
                            lines.add(newlines + 1);
                            nextCut = after + target;
                        }
                    }
                }
                position += n;
            }
            List<Chunk> chunks = new ArrayList<>();
            for (int k = 0; k < cuts.size(); k++) {
                long end = k + 1 < cuts.size() ? cuts.get(k + 1) : size;
                if (end > cuts.get(k)) {
                    chunks.add(new Chunk(cuts.get(k), end, lines.get(k)));
                }
            }
            return chunks.size() < 2 ? List.of() : chunks;
        }
    }

    /** The bytes {@code [start, end)} of {@code file} as a stream. */
    static InputStream open(Path file, long start, long end) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new InputStream() {
            private long position = start;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position >= end) {
                    return -1;
                }
                int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
                if (n > 0) {
                    position += n;
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }
}
