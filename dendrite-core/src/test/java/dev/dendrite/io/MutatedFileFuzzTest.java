package dev.dendrite.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.dendrite.nn.Linear;
import dev.dendrite.nn.ReLU;
import dev.dendrite.nn.Sequential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing: valid model files with bytes flipped, cut off or spliced either load or fail with a
 * {@link ModelFileException}; never another exception, an OutOfMemoryError or a hang. Mutations come
 * from a fixed seed, so a failure names the try that reproduces it.
 */
class MutatedFileFuzzTest {

    private static final int TRIES = 1500;

    private static final byte[] VALID = validFile();
    /** A file as other writers make it: no checksum, so every header check has to hold on its own. */
    private static final byte[] PLAIN = RawFiles.bytes("{\"__metadata__\":{\"format\":\"pt\"},"
            + "\"0.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
            + "\"0.bias\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[24,28]},"
            + "\"1.weight\":{\"dtype\":\"F64\",\"shape\":[1,2],\"data_offsets\":[28,44]}}", new byte[44]);
    private static final int HEADER_END = 8 + (int) ByteBuffer.wrap(VALID).order(ByteOrder.LITTLE_ENDIAN).getLong(0);

    /** A mutation of file bytes. */
    sealed interface Mutation {
        byte[] apply(byte[] bytes);
    }

    record Flip(int position, int mask) implements Mutation {
        public byte[] apply(byte[] bytes) {
            byte[] out = bytes.clone();
            if (out.length > 0) {
                out[position % out.length] ^= (byte) mask;
            }
            return out;
        }
    }

    record Truncate(int length) implements Mutation {
        public byte[] apply(byte[] bytes) {
            return Arrays.copyOf(bytes, Math.min(length, bytes.length));
        }
    }

    /** Copies {@code length} bytes from {@code from} over the bytes at {@code to}, or inserts them there. */
    record Splice(int from, int to, int length, boolean insert) implements Mutation {
        public byte[] apply(byte[] bytes) {
            if (bytes.length == 0) {
                return bytes;
            }
            int start = from % bytes.length;
            int count = Math.min(length, bytes.length - start);
            int at = to % bytes.length;
            byte[] piece = Arrays.copyOfRange(bytes, start, start + count);
            if (insert) {
                byte[] out = new byte[bytes.length + count];
                System.arraycopy(bytes, 0, out, 0, at);
                System.arraycopy(piece, 0, out, at, count);
                System.arraycopy(bytes, at, out, at + count, bytes.length - at);
                return out;
            }
            byte[] out = bytes.clone();
            System.arraycopy(piece, 0, out, at, Math.min(count, out.length - at));
            return out;
        }
    }

    /** Overwrites one byte of the header with a character that matters to JSON or numbers. */
    record HeaderChar(int position, char character) implements Mutation {
        public byte[] apply(byte[] bytes) {
            byte[] out = bytes.clone();
            int at = 8 + position % Math.max(1, Math.min(HEADER_END, out.length) - 8);
            if (at < out.length) {
                out[at] = (byte) character;
            }
            return out;
        }
    }

    @Test
    void mutatedFilesLoadOrFailWithModelFileException() {
        fuzz(VALID, 11, file -> Model.load(file));
    }

    @Test
    void mutatedPlainSafetensorsReadOrFailWithModelFileException() {
        fuzz(PLAIN, 12, SafeTensors::read);
    }

    /** What a try does with the mutated file. */
    @FunctionalInterface
    private interface Reader {
        void read(Path file) throws Exception;
    }

    private static void fuzz(byte[] valid, long seed, Reader reader) {
        RandomGenerator random = dev.dendrite.tensor.Tensor.generator(seed);
        for (int attempt = 0; attempt < TRIES; attempt++) {
            List<Mutation> mutations = mutations(random, valid.length);
            byte[] bytes = valid;
            for (Mutation mutation : mutations) {
                bytes = mutation.apply(bytes);
            }
            Path file = write(bytes);
            String context = "try " + attempt + " (seed " + seed + "): " + mutations;
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                    try {
                        reader.read(file);
                    } catch (ModelFileException expected) {
                        if (!expected.getMessage().startsWith(file + ": ")) {
                            throw new AssertionError(context + ": the message does not name the file: "
                                    + expected.getMessage());
                        }
                    } catch (Exception | Error unexpected) {
                        throw new AssertionError(context + ": " + unexpected, unexpected);
                    }
                }, context);
            } finally {
                delete(file);
            }
        }
    }

    /** One to four mutations, weighted toward the header where parsing can go wrong. */
    private static List<Mutation> mutations(RandomGenerator random, int size) {
        char[] headerChars = {'{', '}', '[', ']', '"', ',', ':', '-', '0', '1', '9', 'e', '.', '\\', ' ', 'E', '+'};
        int count = 1 + random.nextInt(4);
        List<Mutation> mutations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int anywhere = random.nextInt(size * 2 + 1);
            int inHeader = random.nextInt(HEADER_END + 1);
            int position = random.nextBoolean() ? anywhere : inHeader;
            int kind = random.nextInt(9);
            if (kind < 3) {
                mutations.add(new Flip(position, 1 + random.nextInt(255)));
            } else if (kind < 4) {
                mutations.add(new Truncate(position));
            } else if (kind < 6) {
                mutations.add(new Splice(anywhere, position, 1 + random.nextInt(64), random.nextBoolean()));
            } else {
                mutations.add(new HeaderChar(inHeader, headerChars[random.nextInt(headerChars.length)]));
            }
        }
        return mutations;
    }

    private static byte[] validFile() {
        Path file = null;
        try {
            file = Files.createTempFile("valid", ".dendrite");
            Model.of(new Sequential(new Linear(3, 4), new ReLU(), new Linear(4, 2)))
                    .withPreprocessing(TestModels.standardScaler()).save(file);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(file);
        }
    }

    private static Path write(byte[] bytes) {
        try {
            Path file = Files.createTempFile("mutated", ".dendrite");
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
