package dev.dendrite.cli;

import dev.dendrite.autograd.NoGrad;
import dev.dendrite.nn.Module;
import dev.dendrite.nn.Sequential;
import dev.dendrite.tensor.Tensor;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A network's layers as Keras's {@code summary()} lists them: name and type, output shape (from a
 * forward pass of two zero examples) and parameter count, with the totals.
 *
 * @param rows       one {@code {layer, output shape, parameters}} row per layer
 * @param parameters all parameters of the network
 */
record ModelSummary(List<String[]> rows, long parameters) {

    /** The header of the three columns. */
    static final String[] HEADER = {"Layer (type)", "Output shape", "Param #"};

    /** Summarises {@code module}, which takes {@code inputs} features (0 if unknown: shapes show as "?"). */
    static ModelSummary of(Module module, int inputs) {
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
        return new ModelSummary(List.copyOf(rows), module.parameterCount());
    }

    /** The totals line: parameters and their size as float32. */
    String totals() {
        return String.format(Locale.ROOT, "Total params: %,d (%s as float32)", parameters, bytes(parameters * 4));
    }

    /** Prints the table as Keras does. */
    void print(PrintStream out) {
        int[] width = new int[3];
        for (String[] row : rows) {
            for (int c = 0; c < 3; c++) {
                width[c] = Math.max(width[c], Math.max(row[c].length(), HEADER[c].length()));
            }
        }
        String format = "%-" + width[0] + "s   %-" + width[1] + "s   %" + width[2] + "s%n";
        int total = width[0] + width[1] + width[2] + 6;
        out.println("=".repeat(total));
        out.printf(Locale.ROOT, format, (Object[]) HEADER);
        out.println("-".repeat(total));
        rows.forEach(row -> out.printf(Locale.ROOT, format, (Object[]) row));
        out.println("=".repeat(total));
        out.println(totals());
        out.printf(Locale.ROOT, "Trainable params: %,d%n", parameters);
        out.println("Non-trainable params: 0");
    }

    private static String bytes(long n) {
        return n < 1024 ? n + " B" : n < 1 << 20 ? String.format(Locale.ROOT, "%.1f KB", n / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", n / 1048576.0);
    }
}
