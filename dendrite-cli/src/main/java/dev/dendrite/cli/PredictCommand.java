package dev.dendrite.cli;

import dev.dendrite.data.DataFormatException;
import dev.dendrite.train.Trainer;
import dev.dendrite.data.TensorDataset;
import dev.dendrite.tensor.Tensor;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dendrite predict}: a saved model's predictions for each row of a CSV file. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predictions of a saved model for each row of a CSV file: the class and the probability of each class,",
                "or the value of a regression. A target column, if present, is copied to the output as 'actual'."})
final class PredictCommand implements Callable<Integer> {

    @ParentCommand
    Dendrite app;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model.dendrite file (or a run directory).")
    Path modelFile;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV file with a header row: the model's feature columns, and optionally a target column.")
    Path data;

    @Option(names = "--target", paramLabel = "NAME",
            description = "A column to leave out of the features (default: the last column when there is one column too many).")
    String target;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the predictions here (default: standard output).")
    Path out;

    @Override
    public Integer call() {
        LoadedModel model = LoadedModel.load(modelFile);
        TabularData.checkFile(data);
        Rows rows = Rows.read(data, target, model.inputs());
        Tensor features = model.prepare(Tensor.wrap(rows.features, rows.actual.size(), model.inputs()));
        Tensor outputs = Trainer.predict(model.model().module(), new TensorDataset(features, Tensor.zeros(rows.actual.size())), 256);
        List<String> lines = format(model, rows, outputs);
        if (out == null) {
            lines.forEach(app.out::println);
        } else {
            try {
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.write(out, lines, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
            }
            app.out.printf(Locale.ROOT, "Wrote %d predictions to %s%n", rows.actual.size(), out);
        }
        return 0;
    }

    private static List<String> format(LoadedModel model, Rows rows, Tensor outputs) {
        List<String> lines = new ArrayList<>();
        List<String> classes = model.classNames();
        boolean actual = rows.targetName != null;
        StringBuilder header = new StringBuilder("row");
        if (actual) {
            header.append(",actual");
        }
        header.append(",predicted");
        if (model.task() != Task.REGRESSION) {
            classes.forEach(c -> header.append(",p_").append(csvCell(c)));
        }
        lines.add(header.toString());
        float[] values = model.task() == Task.MULTICLASS ? outputs.softmax(1).toArray()
                : model.task() == Task.BINARY ? outputs.sigmoid().toArray() : outputs.toArray();
        int n = rows.actual.size();
        int width = model.task() == Task.MULTICLASS ? classes.size() : 1;
        for (int i = 0; i < n; i++) {
            StringBuilder line = new StringBuilder().append(i + 1);
            if (actual) {
                line.append(',').append(csvCell(rows.actual.get(i)));
            }
            switch (model.task()) {
                case BINARY -> {
                    float p = values[i];
                    line.append(',').append(csvCell(classes.get(p > 0.5f ? 1 : 0)))
                            .append(String.format(Locale.ROOT, ",%.6f,%.6f", 1 - p, p));
                }
                case MULTICLASS -> {
                    int bestClass = 0;
                    for (int c = 1; c < width; c++) {
                        if (values[i * width + c] > values[i * width + bestClass]) {
                            bestClass = c;
                        }
                    }
                    line.append(',').append(csvCell(classes.get(bestClass)));
                    for (int c = 0; c < width; c++) {
                        line.append(String.format(Locale.ROOT, ",%.6f", values[i * width + c]));
                    }
                }
                default -> line.append(String.format(Locale.ROOT, ",%.6g", values[i]));
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String csvCell(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** The feature values of every row and, when there is a target column, its cells. */
    private record Rows(float[] features, List<String> actual, String targetName) {

        static Rows read(Path file, String target, int width) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
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
                return new Rows(java.util.Arrays.copyOf(values, count), actual,
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
}
