package dev.dendrite.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locating the first bytes of a file that are not text in an encoding. */
class TextEncodingTest {

    @TempDir
    Path dir;

    @Test
    void findsTheLineColumnAndByteOfTheFirstBadSequencePastManyBuffers() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            text.append("r\u00e9sum\u00e9 ").append(i).append('\n'); // two-byte characters across the buffer edges
        }
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 4);
        System.arraycopy(new byte[] {'a', 'b', (byte) 0xFF, '\n'}, 0, bytes, good.length, 4);
        Path file = Files.write(dir.resolve("big.csv"), bytes);
        assertThat(TextEncoding.firstUndecodable(file, StandardCharsets.UTF_8))
                .containsExactly(30_001, 3, good.length + 2, 0xFF);
    }

    @Test
    void textThatDecodesHasNoBadSequence() throws IOException {
        Path file = Files.writeString(dir.resolve("ok.csv"), "a,b\n1,\u00e9t\u00e9\n");
        assertThat(TextEncoding.firstUndecodable(file, StandardCharsets.UTF_8)).isNull();
        assertThat(TextEncoding.firstUndecodable(dir.resolve("missing.csv"), StandardCharsets.UTF_8)).isNull();
        DataFormatException e = TextEncoding.notText(file, StandardCharsets.UTF_8, 7, "convert it", null);
        assertThat(e).hasMessage(file + ":7: not UTF-8 text; convert it");
    }
}
