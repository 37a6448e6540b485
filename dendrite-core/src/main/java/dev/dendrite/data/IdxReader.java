package dev.dendrite.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one IDX file (raw, or gzip-compressed: recognised by its content, not its name), checking
 * the magic number, the dimensions and that the data is exactly as long as they say.
 */
final class IdxReader {

    private static final int CHUNK = 1 << 16;

    private final Path file;

    IdxReader(Path file) {
        this.file = file;
    }

    /** Reads the file, dividing every value by {@code divisor} (255 scales unsigned bytes to [0, 1]). */
    IdxArray read(float divisor) {
        return parse((in, type, dims, count) -> {
            float[] values = new float[count];
            readValues(in, type, values, dims, divisor);
            return new IdxArray(dims, type, values);
        });
    }

    /**
     * Reads a file of unsigned bytes (type {@code 0x08}) as they are, one byte per value; {@code what}
     * says what such a file holds, for the error a file of another type gets.
     */
    IdxBytes readUnsignedBytes(String what) {
        return parse((in, type, dims, count) -> {
            if (type != 0x08) {
                throw new DataFormatException(file, "expected " + what + ": unsigned bytes (type 0x08), found type 0x"
                        + Integer.toHexString(type) + " with dimensions " + java.util.Arrays.toString(dims));
            }
            byte[] values = new byte[count];
            int got = 0;
            try {
                while (got < count) {
                    int n = in.readNBytes(values, got, Math.min(CHUNK, count - got));
                    if (n == 0) {
                        break;
                    }
                    got += n;
                }
            } catch (EOFException e) {
                // a gzip stream cut short: reported as truncated below, after the bytes that did arrive
            }
            if (got < count) {
                int perRecord = count / dims[0];
                throw new DataFormatException(file, String.format(java.util.Locale.ROOT, "truncated: the header"
                        + " promises %d records of %d values, but the data ends in record %d (after %d of %d"
                        + " values)", dims[0], perRecord, got / perRecord + 1, got, count));
            }
            return new IdxBytes(dims, values);
        });
    }

    /** The dimensions and raw values of an unsigned-byte IDX file. */
    record IdxBytes(int[] dims, byte[] values) {
    }

    /** Reads the values after the header has been checked: {@code count} values of {@code type}. */
    @FunctionalInterface
    private interface Body<T> {
        T read(InputStream in, int type, int[] dims, int count) throws IOException;
    }

    /** Opens the file, checks the magic number and dimensions, reads the body and checks nothing follows. */
    private <T> T parse(Body<T> body) {
        try (InputStream in = open()) {
            byte[] magic = in.readNBytes(4);
            if (magic.length < 4) {
                throw new DataFormatException(file, "truncated: " + magic.length + " bytes, too short for an IDX header");
            }
            if (magic[0] != 0 || magic[1] != 0 || elementSize(magic[2]) == 0 || magic[3] == 0) {
                throw new DataFormatException(file, String.format("not an IDX file: magic number 0x%02X%02X%02X%02X,"
                        + " expected 0x0000TTNN (TT the element type 08, 09, 0B, 0C, 0D or 0E; NN the number of"
                        + " dimensions)", magic[0], magic[1], magic[2], magic[3]));
            }
            int type = magic[2] & 0xFF;
            int[] dims = dims(in, magic[3] & 0xFF);
            long count = 1;
            for (int d : dims) {
                count *= d;
            }
            if (count > Integer.MAX_VALUE - 16) {
                throw new DataFormatException(file, "dimensions " + java.util.Arrays.toString(dims)
                        + " hold more values than one array can");
            }
            T result = body.read(in, type, dims, (int) count);
            if (in.read() != -1) {
                throw new DataFormatException(file, "has data after the " + count + " values its header "
                        + java.util.Arrays.toString(dims) + " promises; wrong header or two files joined?");
            }
            return result;
        } catch (ZipException e) {
            throw new DataFormatException(file, -1, -1, "corrupt gzip data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private InputStream open() throws IOException {
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK);
        in.mark(2);
        boolean gzip = in.read() == 0x1F && in.read() == 0x8B;
        in.reset();
        return gzip ? new GZIPInputStream(in, CHUNK) : in;
    }

    private int[] dims(InputStream in, int rank) throws IOException {
        byte[] header = in.readNBytes(4 * rank);
        if (header.length < 4 * rank) {
            throw new DataFormatException(file, "truncated: the header ends inside its " + rank + " dimensions");
        }
        ByteBuffer buffer = ByteBuffer.wrap(header);
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = buffer.getInt();
            if (dims[i] <= 0) {
                throw new DataFormatException(file, "dimension " + (i + 1) + " of the header is " + dims[i]
                        + "; an IDX dimension is a positive count");
            }
        }
        return dims;
    }

    /** Reads the values chunk by chunk (no second full-size buffer), converting and scaling as it goes. */
    private void readValues(InputStream in, int type, float[] values, int[] dims, float divisor) throws IOException {
        float[] bytes = new float[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = i / divisor;
        }
        int size = elementSize((byte) type);
        byte[] chunk = new byte[CHUNK - CHUNK % size];
        ByteBuffer buffer = ByteBuffer.wrap(chunk);
        int done = 0;
        while (done < values.length) {
            int want = (int) Math.min(chunk.length, (long) (values.length - done) * size);
            int got;
            try {
                got = in.readNBytes(chunk, 0, want);
            } catch (EOFException e) {
                got = 0;
            }
            if (got < want) {
                int complete = done + got / size;
                int perRecord = values.length / dims[0];
                throw new DataFormatException(file, String.format(java.util.Locale.ROOT, "truncated: the header"
                        + " promises %d records of %d values, but the data ends in record %d (after %d of %d"
                        + " values)", dims[0], perRecord, complete / perRecord + 1, complete, values.length));
            }
            int n = got / size;
            if (type == 0x08) {
                for (int i = 0; i < n; i++) {
                    values[done + i] = bytes[chunk[i] & 0xFF];
                }
            } else {
                buffer.clear();
                for (int i = 0; i < n; i++) {
                    values[done + i] = element(buffer, type) / divisor;
                }
            }
            done += n;
        }
    }

    private static float element(ByteBuffer buffer, int type) {
        return switch (type) {
            case 0x09 -> buffer.get();
            case 0x0B -> buffer.getShort();
            case 0x0C -> buffer.getInt();
            case 0x0D -> buffer.getFloat();
            default -> (float) buffer.getDouble();
        };
    }

    /** Bytes per element of IDX type {@code type}; 0 if it is no IDX type. */
    private static int elementSize(byte type) {
        return switch (type) {
            case 0x08, 0x09 -> 1;
            case 0x0B -> 2;
            case 0x0C, 0x0D -> 4;
            case 0x0E -> 8;
            default -> 0;
        };
    }
}
