package dev.dendrite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dendrite.autograd.NoGrad;
import dev.dendrite.data.Preprocessor;
import dev.dendrite.nn.Module;
import dev.dendrite.nn.Sequential;
import dev.dendrite.tensor.Tensor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
        summary(out, loaded.model().module(), loaded.inputs());
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

    /** Prints one row per layer: name and type, output shape from a forward pass of one example, parameter count. */
    static void summary(PrintStream out, Module module, int inputs) {
        List<Module> layers = module instanceof Sequential sequential ? sequential.layers() : List.of(module);
        List<String[]> rows = new ArrayList<>();
        Tensor x = inputs > 0 ? Tensor.zeros(2, inputs) : null;
        boolean training = module.isTraining();
        module.eval();
        try (NoGrad noGrad = NoGrad.enter()) {
            for (int i = 0; i < layers.size(); i++) {
                Module layer = layers.get(i);
                String shape = "?";
                if (x != null) {
                    try {
                        x = layer.forward(x);
                        int[] dims = x.dims();
                        shape = "(batch" + (dims.length > 1 ? ", " : "") + String.join(", ",
                                Arrays.stream(dims).skip(1).mapToObj(Integer::toString).toList()) + ")";
                    } catch (RuntimeException e) {
                        x = null;
                    }
                }
                rows.add(new String[] {i + " " + layer.getClass().getSimpleName(), shape,
                        String.format(Locale.ROOT, "%,d", layer.parameterCount())});
            }
        } finally {
            module.train(training);
        }
        String[] header = {"Layer (type)", "Output shape", "Param #"};
        int[] width = new int[3];
        for (String[] row : rows) {
            for (int c = 0; c < 3; c++) {
                width[c] = Math.max(width[c], Math.max(row[c].length(), header[c].length()));
            }
        }
        String format = "%-" + width[0] + "s   %-" + width[1] + "s   %" + width[2] + "s%n";
        int total = width[0] + width[1] + width[2] + 6;
        out.println("=".repeat(total));
        out.printf(Locale.ROOT, format, (Object[]) header);
        out.println("-".repeat(total));
        rows.forEach(row -> out.printf(Locale.ROOT, format, (Object[]) row));
        out.println("=".repeat(total));
        long params = module.parameterCount();
        out.printf(Locale.ROOT, "Total params: %,d (%s as float32)%n", params, bytes(params * 4));
        out.printf(Locale.ROOT, "Trainable params: %,d%n", params);
        out.println("Non-trainable params: 0");
    }

    private static String bytes(long n) {
        return n < 1024 ? n + " B" : n < 1 << 20 ? String.format(Locale.ROOT, "%.1f KB", n / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", n / 1048576.0);
    }
}
