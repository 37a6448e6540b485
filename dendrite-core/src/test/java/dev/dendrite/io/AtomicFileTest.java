package dev.dendrite.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where an atomic write cannot go, the error names the target and its directory, not the temporary file. */
class AtomicFileTest {

    @TempDir
    Path dir;

    private static void writeByte(Path target) {
        AtomicFile.write(target, channel -> channel.write(ByteBuffer.wrap(new byte[] {42})));
    }

    @Test
    void writesTheBytes() throws Exception {
        Path target = dir.resolve("a.bin");
        writeByte(target);
        assertThat(Files.readAllBytes(target)).containsExactly(42);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aMissingDirectoryIsNamed() {
        Path target = dir.resolve("missing").resolve("m.onnx");
        assertThatThrownBy(() -> writeByte(target)).isInstanceOf(ModelFileException.class)
                .hasMessage(target + ": cannot write: no such directory: " + dir.resolve("missing"));
    }

    @Test
    void aFileInThePlaceOfTheDirectoryIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        Path target = file.resolve("m.onnx");
        assertThatThrownBy(() -> writeByte(target)).isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(target + ": cannot write: ").hasMessageContaining(file.toString())
                .hasMessageNotContaining(".tmp");
    }
}
