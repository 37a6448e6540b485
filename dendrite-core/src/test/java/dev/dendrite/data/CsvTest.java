package dev.dendrite.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dendrite.tensor.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Asserts that loading fails with a DataFormatException whose message starts with the location. */
    private AbstractThrowableAssert<?, ? extends Throwable> failsAt(Csv csv, String location) {
        return assertThatThrownBy(csv::load).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(csv.file + location);
    }

    @Test
    void readsTheBreastCancerExample() {
        Path file = Path.of("../examples/data/breast_cancer.csv");
        CsvDataset data = Csv.read(file).target("diagnosis").load();
        assertThat(data.size()).isEqualTo(569);
        assertThat(data.featureShape()).isEqualTo(Shape.of(30));
        assertThat(data.targetShape()).isEqualTo(Shape.scalar());
        assertThat(data.classNames()).containsExactly("benign", "malignant");
        assertThat(data.featureNames()).hasSize(30).startsWith("mean_radius");
        // The first patient: 17.99, 10.38, ... malignant.
        assertThat(data.features().data()[0]).isEqualTo(17.99f);
        assertThat(data.features().data()[1]).isEqualTo(10.38f);
        assertThat(data.targets().data()[0]).isEqualTo(1f);
        int malignant = 0;
        for (float t : data.targets().data()) {
            malignant += (int) t;
        }
        assertThat(malignant).isEqualTo(212);
    }

    @Test
    void defaultsToTheLastColumnAsTargetAndMapsLabelsInSortedOrder() throws IOException {
        Path file = write("t.csv", "a,b,label\n1,2,dog\n3,4,cat\n5,6,dog\n");
        CsvDataset data = Csv.read(file).load();
        assertThat(data.classNames()).containsExactly("cat", "dog");
        assertThat(data.targets().data()).containsExactly(1f, 0f, 1f);
        assertThat(data.features().data()).containsExactly(1f, 2f, 3f, 4f, 5f, 6f);
    }

    @Test
    void honoursDelimiterQuotingNoHeaderAndTargetIndex() throws IOException {
        Path file = write("t.csv", "\uFEFF\"a;b\";2;3\n\"c\";5;\"6\"\n");
        CsvDataset data = Csv.read(file).header(false).delimiter(';').target(0).load();
        assertThat(data.classNames()).containsExactly("a;b", "c");
        assertThat(data.targets().data()).containsExactly(0f, 1f);
        assertThat(Csv.read(write("u.csv", "x;y;z\n1;2;3\n4;5;6\n")).delimiter(';').target(0).load()
                .featureNames()).containsExactly("y", "z");
        assertThat(data.features().data()).containsExactly(2f, 3f, 5f, 6f);
    }

    @Test
    void firstCellOfAQuotedDecimalCommaIsNotANumber() throws IOException {
        Path file = write("t.csv", "x;y\n\"1,5\";2\n");
        failsAt(Csv.read(file).delimiter(';'), ":2:1: ").hasMessageContaining("'1,5' is not a number");
    }

    @Test
    void selectsFeaturesByNameInTheGivenOrder() throws IOException {
        Path file = write("t.csv", "a,b,c,y\n1,2,3,0.5\n4,5,6,1.5\n");
        CsvDataset data = Csv.read(file).features("c", "a").target("y").load();
        assertThat(data.featureNames()).containsExactly("c", "a");
        assertThat(data.features().data()).containsExactly(3f, 1f, 6f, 4f);
        assertThat(data.targets().data()).containsExactly(0.5f, 1.5f);
    }

    @Test
    void oneHotEncodesCategoricalFeatures() throws IOException {
        Path file = write("t.csv", "colour,size,y\nred,1,a\nblue,2,b\nred,3,a\ngreen,4,b\n");
        CsvDataset data = Csv.read(file).oneHot("colour").load();
        assertThat(data.featureNames()).containsExactly("colour=blue", "colour=green", "colour=red", "size");
        assertThat(data.features().data()).containsExactly(
                0, 0, 1, 1,
                1, 0, 0, 2,
                0, 0, 1, 3,
                0, 1, 0, 4);
    }

    @Test
    void classificationOfNumericLabelsSortsThemNumerically() throws IOException {
        Path file = write("t.csv", "x,y\n1,10\n2,2\n3,10\n");
        CsvDataset data = Csv.read(file).classification().load();
        assertThat(data.classNames()).containsExactly("2", "10");
        assertThat(data.targets().data()).containsExactly(1f, 0f, 1f);
        assertThat(Csv.read(file).load().targets().data()).containsExactly(10f, 2f, 10f);
    }

    @Test
    void parsesNumbersTheSameInEveryLocale() throws IOException {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            Path file = write("t.csv", "x,y\n1.5,-2e-3\n 7 ,+.25\n");
            assertThat(Csv.read(file).load().features().data()).containsExactly(1.5f, 7f);
            assertThat(Csv.read(file).load().targets().data()).containsExactly(-0.002f, 0.25f);
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void missingValuesFailByDefaultNamingLineAndColumn() throws IOException {
        Path file = write("t.csv", "a,b,y\n1,2,x\n3,,y\n");
        failsAt(Csv.read(file), ":3:2: ").hasMessageContaining("missing value in column 'b'");
    }

    @Test
    void missingValuesCanBeDroppedImputedOrKept() throws IOException {
        Path file = write("t.csv", "a,b,y\n1,2,7\n3,NA,8\n5,6,9\n");
        CsvDataset dropped = Csv.read(file).missing(MissingValues.DROP).load();
        assertThat(dropped.features().data()).containsExactly(1f, 2f, 5f, 6f);
        CsvDataset imputed = Csv.read(file).missing(MissingValues.MEAN).load();
        assertThat(imputed.features().data()).containsExactly(1f, 2f, 3f, 4f, 5f, 6f);
        CsvDataset kept = Csv.read(file).missing(MissingValues.KEEP).load();
        assertThat(kept.features().data()[3]).isNaN();
    }

    @Test
    void emptyFile() throws IOException {
        failsAt(Csv.read(write("empty.csv", "")), ": ").hasMessageContaining("empty");
    }

    @Test
    void headerOnly() throws IOException {
        failsAt(Csv.read(write("h.csv", "a,b,y\n")), ": ").hasMessageContaining("header but no data rows");
    }

    @Test
    void raggedRow() throws IOException {
        failsAt(Csv.read(write("r.csv", "a,b,y\n1,2,x\n3,4\n")), ":3:3: ")
                .hasMessageContaining("has 2 cells but the header has 3");
        failsAt(Csv.read(write("r2.csv", "a,b,y\n1,2,x,9\n")), ":2:4: ")
                .hasMessageContaining("has 4 cells");
    }

    @Test
    void nonNumericCell() throws IOException {
        failsAt(Csv.read(write("n.csv", "a,b,y\n1,2,x\n3,four,y\n")), ":3:2: ")
                .hasMessageContaining("'four' is not a number").hasMessageContaining("oneHot(\"b\")");
        failsAt(Csv.read(write("n2.csv", "a,y\n1,2\n3,1f\n")).regression(), ":3:2: ")
                .hasMessageContaining("'1f' is not a number");
    }

    @Test
    void nanOrInfinityInAFeature() throws IOException {
        failsAt(Csv.read(write("nan.csv", "a,b,y\n1,NaN,x\n3,4,y\n")), ":2:2: ")
                .hasMessageContaining("'NaN' is not a finite number");
        failsAt(Csv.read(write("inf.csv", "a,b,y\n1,2,x\n-Inf,4,y\n")), ":3:1: ")
                .hasMessageContaining("'-Inf' is not a finite number");
        failsAt(Csv.read(write("big.csv", "a,b,y\n1,2,x\n1e39,4,y\n")), ":3:1: ")
                .hasMessageContaining("beyond the float32 range");
    }

    @Test
    void targetColumnThatDoesNotExist() throws IOException {
        Path file = write("t.csv", "a,b,y\n1,2,x\n");
        failsAt(Csv.read(file).target("diagnosis"), ":1: ")
                .hasMessageContaining("no column named 'diagnosis'").hasMessageContaining("[a, b, y]");
        failsAt(Csv.read(file).target(3), ": ").hasMessageContaining("no column at index 3");
        failsAt(Csv.read(file).features("a", "zz"), ":1: ").hasMessageContaining("no column named 'zz'");
    }

    @Test
    void singleClassTarget() throws IOException {
        failsAt(Csv.read(write("one.csv", "a,y\n1,benign\n2,benign\n")), ": ")
                .hasMessageContaining("single class 'benign'");
    }

    @Test
    void unclosedQuote() throws IOException {
        assertThatThrownBy(() -> Csv.read(write("q.csv", "a,y\n1,x\n\"2,y\n")).load())
                .isInstanceOf(DataFormatException.class).hasMessageContaining("q.csv:")
                .hasMessageContaining("malformed CSV");
    }

    @Test
    void notUtf8() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "a,y\n1,caf\u00e9\n2,tea\n".getBytes(StandardCharsets.ISO_8859_1));
        // The reader fails a buffer ahead of the parser; the error still names where the text stops decoding.
        assertThatThrownBy(() -> Csv.read(file).load()).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("latin1.csv:2:6: not UTF-8 text: byte 0xE9 (byte 10 of the file)")
                .hasMessageContaining("Csv.charset");
        assertThat(Csv.read(file).charset(StandardCharsets.ISO_8859_1).classification().load().classNames())
                .isEqualTo(java.util.List.of("café", "tea"));
    }
}
