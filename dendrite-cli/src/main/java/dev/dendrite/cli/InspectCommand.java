package dev.dendrite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dendrite.data.Preprocessor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dendrite inspect}: a model file's layers as Keras's {@code summary()}, its preprocessing and how it was trained. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Summary of a saved model: layers, output shapes and parameter counts, preprocessing, classes and training run.")
final class InspectCommand implements Callable<Integer> {

    @ParentCommand
    Dendrite app;

    @Parameters(paramLabel = "MODEL", description = "A model.dendrite file (or a run directory).")
    Path modelFile;

    @Override
    public Integer call() {
        LoadedModel loaded = LoadedModel.load(modelFile);
        PrintStream out = app.out;
        out.println("Model: " + loaded.file());
        ModelSummary.of(loaded.model().module(), loaded.inputs()).print(out);
        out.println();
        out.println("Task: " + loaded.task().label() + " (" + loaded.inputs() + " inputs, " + loaded.outputs() + (loaded.outputs() == 1 ? " output)" : " outputs)"));
        if (!loaded.classNames().isEmpty()) {
            out.println("Classes: " + String.join(", ", loaded.classNames()));
        }
        out.println("Input: " + describe(loaded.input()));
        out.println("Scaling: " + loaded.model().scaler().map(InspectCommand::describe).orElse("none"));
        Map<String, JsonNode> training = TrainingRecord.of(loaded);
        if (!training.isEmpty()) {
            out.println("Training (" + (TrainingRecord.inModelFile(loaded) ? "recorded in the model file" : "from run.json beside it")
                    + "):");
            training.forEach((key, value) -> {
                if (!key.equals("features") && !value.isNull() && !(value.isTextual() && value.asText().isEmpty())) {
                    out.printf(Locale.ROOT, "  %-14s %s%n", key, format(value));
                }
            });
        } else {
            out.println("Training: not recorded (a model file written outside 'dendrite train')");
        }
        return 0;
    }

    private static String describe(InputFormat input) {
        if (input.isImages()) {
            return input.describe() + "; pixels as 8-bit value / 255, in [0, 1]; image files resized (bilinear) to "
                    + input.width() + "x" + input.height() + (input.grayscale() ? " and turned to luma" : "");
        }
        String columns = input.columns().isEmpty() ? "" : ": " + preview(input.columns());
        return input.describe() + columns + (input.target() == null ? "" : "; target '" + input.target() + "'");
    }

    private static String preview(List<String> names) {
        return names.size() <= 12 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 10)) + ", ... (" + (names.size() - 10) + " more)";
    }

    private static String describe(Preprocessor scaler) {
        String what = scaler.kind().equals("standard") ? "z-score (x - mean) / std" : scaler.kind() + " scaler";
        return what + " per feature over " + scaler.featureShape().size() + " features ("
                + String.join(", ", new java.util.TreeSet<>(scaler.state().keySet())) + " fitted on the training split)";
    }

    /** A JSON value on one line: numbers to 4 decimals, objects as {@code key value, ...}. */
    private static String format(JsonNode value) {
        if (value.isFloatingPointNumber()) {
            return Numbers.digits(value.asDouble(), 4);
        }
        if (value.isObject()) {
            List<String> parts = new ArrayList<>();
            value.properties().forEach(e -> parts.add(e.getKey() + " " + format(e.getValue())));
            return String.join(", ", parts);
        }
        return value.isTextual() ? value.asText() : value.toString();
    }
}
