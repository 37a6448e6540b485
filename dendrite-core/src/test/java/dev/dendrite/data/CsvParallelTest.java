package dev.dendrite.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files above {@link CsvChunks#MIN_PARALLEL_BYTES} are parsed in chunks: the result must not show it. */
class CsvParallelTest {

    private static final int ROWS = 700_000;

    @TempDir
    Path dir;

    /** Rows {@code i, i/4, a|b}, with a blank line after row 10 and {@code bad} written in row {@code badRow}. */
    private Path write(String name, int badRow, String bad) throws IOException {
        Path file = dir.resolve(name);
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("x,y,label\n");
            for (int i = 0; i < ROWS; i++) {
                out.write(i + "," + (i == badRow ? bad : Float.toString(i * 0.25f)) + "," + (i % 3 == 0 ? "a" : "b")
                        + "\n");
                if (i == 10) {
                    out.write("\n");
                }
            }
        }
        assertThat(Files.size(file)).isGreaterThan(CsvChunks.MIN_PARALLEL_BYTES);
        return file;
    }

    @Test
    void chunkedParseKeepsEveryRowInOrder() throws IOException {
        Path file = write("big.csv", -1, "");
        assertThat(CsvChunks.plan(file, java.nio.charset.StandardCharsets.UTF_8, '"', 4)).hasSizeGreaterThan(1);
        CsvDataset data = Csv.read(file).load();
        assertThat(data.size()).isEqualTo(ROWS);
        assertThat(data.classNames()).containsExactly("a", "b");
        float[] x = data.features().data();
        float[] y = data.targets().data();
        for (int i = 0; i < ROWS; i++) {
            if (x[2 * i] != i || x[2 * i + 1] != i * 0.25f || y[i] != (i % 3 == 0 ? 0 : 1)) {
                throw new AssertionError("row " + i + " read as " + x[2 * i] + ", " + x[2 * i + 1] + ", " + y[i]);
            }
        }
    }

    @Test
    void errorInALateChunkNamesItsLine() throws IOException {
        int badRow = 650_000;
        Path file = write("bad.csv", badRow, "oops");
        // Line 1 is the header, row i is on line i + 2, plus one blank line after row 10.
        assertThatThrownBy(() -> Csv.read(file).load()).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(file + ":" + (badRow + 3) + ":2: ")
                .hasMessageContaining("'oops' is not a number");
    }
}
