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
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing: valid model files with bytes flipped, cut off or spliced either load or fail with a
 * {@link ModelFileException}; never another exception, an OutOfMemoryError or a hang.
 */
class MutatedFileProperties {

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

    @Property(tries = 1500)
    void mutatedFilesLoadOrFailWithModelFileException(@ForAll("mutations") List<Mutation> mutations) {
        byte[] bytes = VALID;
        for (Mutation mutation : mutations) {
            bytes = mutation.apply(bytes);
        }
        Path file = write(bytes);
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    Model.load(file);
                } catch (ModelFileException expected) {
                    if (!expected.getMessage().startsWith(file + ": ")) {
                        throw new AssertionError("the message does not name the file: " + expected.getMessage());
                    }
                }
            });
        } finally {
            delete(file);
        }
    }

    @Property(tries = 1500)
    void mutatedPlainSafetensorsReadOrFailWithModelFileException(@ForAll("mutations") List<Mutation> mutations) {
        byte[] bytes = PLAIN;
        for (Mutation mutation : mutations) {
            bytes = mutation.apply(bytes);
        }
        Path file = write(bytes);
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    SafeTensors.read(file);
                } catch (ModelFileException expected) {
                    if (!expected.getMessage().startsWith(file + ": ")) {
                        throw new AssertionError("the message does not name the file: " + expected.getMessage());
                    }
                }
            });
        } finally {
            delete(file);
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        int size = VALID.length;
        Arbitrary<Integer> anywhere = Arbitraries.integers().between(0, size * 2);
        Arbitrary<Integer> inHeader = Arbitraries.integers().between(0, HEADER_END);
        Arbitrary<Mutation> flip = Combinators.combine(Arbitraries.oneOf(anywhere, inHeader), Arbitraries.integers().between(1, 255))
                .as(Flip::new);
        Arbitrary<Mutation> truncate = Arbitraries.oneOf(anywhere, inHeader).map(Truncate::new);
        Arbitrary<Mutation> splice = Combinators.combine(anywhere, Arbitraries.oneOf(anywhere, inHeader),
                Arbitraries.integers().between(1, 64), Arbitraries.of(true, false)).as(Splice::new);
        Arbitrary<Mutation> headerChar = Combinators.combine(inHeader,
                Arbitraries.of('{', '}', '[', ']', '"', ',', ':', '-', '0', '1', '9', 'e', '.', '\\', ' ', 'E', '+'))
                .as(HeaderChar::new);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, flip), net.jqwik.api.Tuple.of(1, truncate),
                        net.jqwik.api.Tuple.of(2, splice), net.jqwik.api.Tuple.of(3, headerChar))
                .list().ofMinSize(1).ofMaxSize(4);
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
