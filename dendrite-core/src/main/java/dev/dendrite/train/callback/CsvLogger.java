package dev.dendrite.train.callback;

import dev.dendrite.train.Callback;
import dev.dendrite.train.History;
import dev.dendrite.train.TrainingContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes one CSV row per epoch ({@code epoch}, then every logged name) to a file, flushed after each
 * epoch so a crashed run keeps its history, as Keras's {@code CSVLogger}. A run resumed from a
 * checkpoint starts the file with the epochs done before.
 */
public final class CsvLogger implements Callback {

    private final Path file;
    private BufferedWriter writer;
    private List<String> columns;

    /** Logs to {@code file}, replacing it when training begins. */
    public CsvLogger(Path file) {
        this.file = file;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            columns = null;
            History earlier = context.history();
            for (int epoch = 0; epoch < earlier.epochs(); epoch++) {
                writeRow(epoch, earlier.epoch(epoch));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the training log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingContext context) {
        try {
            writeRow(epoch, logs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the training log " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeRow(int epoch, Map<String, Double> logs) throws IOException {
        if (columns == null) {
            columns = new ArrayList<>(logs.keySet());
            writer.write("epoch," + String.join(",", columns));
            writer.newLine();
        }
        StringBuilder row = new StringBuilder().append(epoch + 1);
        for (String column : columns) {
            Double value = logs.get(column);
            row.append(',').append(value == null ? "" : String.format(Locale.ROOT, "%.8g", value));
        }
        writer.write(row.toString());
        writer.newLine();
        writer.flush();
    }

    @Override
    public void onTrainEnd(TrainingContext context) {
        try {
            if (writer != null) {
                writer.close();
                writer = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the training log " + file + ": " + e.getMessage(), e);
        }
    }
}
