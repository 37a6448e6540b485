package dev.dendrite.cli;

import dev.dendrite.data.DataFormatException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The feature values of every row and, when there is a target column, its cells. */
record CsvRows(float[] features, List<String> actual, String targetName) {

    static CsvRows read(Path file, String target, int width, Charset charset) {
        return Encoding.reading(file, charset, () -> parse(file, target, width, charset));
    }

    private static CsvRows parse(Path file, String target, int width, Charset charset) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader reader = Files.newBufferedReader(file, charset);
                CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> names = parser.getHeaderNames();
            int targetColumn = -1;
            if (target != null) {
                targetColumn = names.indexOf(target);
                if (targetColumn < 0) {
                    throw new DataFormatException(file, 1, -1, "no column named '" + target + "' in the header " + names);
                }
            } else if (names.size() == width + 1) {
                targetColumn = names.size() - 1;
            }
            int featureCount = names.size() - (targetColumn >= 0 ? 1 : 0);
            if (featureCount != width) {
                throw new CliException("the model expects " + width + " features per row, but " + file + " has "
                        + featureCount + " feature columns" + (targetColumn >= 0 ? " (besides the target '"
                        + names.get(targetColumn) + "')" : ""));
            }
            List<String> actual = new ArrayList<>();
            float[] values = new float[1024];
            int count = 0;
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.size() != names.size()) {
                    throw new DataFormatException(file, line, -1, "the row has " + record.size()
                            + " cells, but the header has " + names.size());
                }
                for (int j = 0; j < names.size(); j++) {
                    if (j == targetColumn) {
                        actual.add(record.get(j));
                        continue;
                    }
                    if (count == values.length) {
                        values = java.util.Arrays.copyOf(values, values.length * 2);
                    }
                    values[count++] = number(record.get(j), file, line, j, names.get(j), width);
                }
                if (targetColumn < 0) {
                    actual.add("");
                }
            }
            if (actual.isEmpty()) {
                throw new DataFormatException(file, "the file has a header but no data rows");
            }
            return new CsvRows(java.util.Arrays.copyOf(values, count), actual,
                    targetColumn >= 0 ? names.get(targetColumn) : null);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new DataFormatException(file, -1, -1, e.getMessage(), e);
        }
    }

    private static float number(String cell, Path file, long line, int column, String name, int width) {
        try {
            float value = Float.parseFloat(cell);
            if (Float.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DataFormatException(file, line, column + 1, "column '" + name + "': '" + cell + "' is not a finite number (the model reads "
                + width + " numeric feature columns; name a target column with --target)");
    }
}
