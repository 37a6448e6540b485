package dev.dendrite.train.callback;

import dev.dendrite.train.Callback;
import dev.dendrite.train.TrainingContext;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Shows training progress: on a terminal a bar per epoch redrawn in place (batches done/total,
 * running loss, samples per second, time left), elsewhere (CI logs, files) one line per epoch.
 */
public final class ProgressBar implements Callback {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private long epochStart;
    private long lastDraw;

    /** Progress on standard output; a live bar only when it is a terminal. */
    public ProgressBar() {
        this(System.out, isTerminal());
    }

    /** Progress on {@code out}, as a live bar when {@code terminal}. */
    public ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Whether standard output is an interactive terminal. */
    public static boolean isTerminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }

    @Override
    public void onEpochBegin(int epoch, TrainingContext context) {
        epochStart = System.nanoTime();
        lastDraw = 0;
    }

    @Override
    public void onBatchEnd(int epoch, int batch, Map<String, Double> logs, TrainingContext context) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        int total = context.batchesPerEpoch();
        if (now - lastDraw < REDRAW_NANOS && batch + 1 < total) {
            return;
        }
        lastDraw = now;
        double seconds = (now - epochStart) / 1e9;
        int done = batch + 1;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String bar = "=".repeat(Math.max(0, filled - 1)) + (filled > 0 && filled < WIDTH ? ">" : filled > 0 ? "=" : "")
                + " ".repeat(WIDTH - filled);
        double eta = done == 0 ? 0 : seconds / done * (total - done);
        out.print(String.format(Locale.ROOT, "\rEpoch %d/%d [%s] %d/%d - loss %.4f - %s - ETA %s   ",
                epoch + 1, context.epochs(), bar, done, total, logs.getOrDefault("loss", Double.NaN),
                rate(done, context.batchSize(), seconds), clock(eta)));
        out.flush();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingContext context) {
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        StringBuilder line = new StringBuilder(terminal ? "\r" : "")
                .append(String.format(Locale.ROOT, "Epoch %d/%d - %.1fs - %s", epoch + 1, context.epochs(), seconds,
                        rate(context.batchesPerEpoch(), context.batchSize(), seconds)));
        logs.forEach((name, value) -> {
            if (!name.equals("time")) {
                line.append(String.format(Locale.ROOT, " - %s %.4g", name, value));
            }
        });
        out.println(line + (terminal ? "   " : ""));
        out.flush();
    }

    @Override
    public void onTrainEnd(TrainingContext context) {
        String reason = context.history().stopReason();
        if (!reason.isEmpty()) {
            out.println(reason);
        }
    }

    private static String rate(int batches, int batchSize, double seconds) {
        if (seconds <= 0) {
            return "-";
        }
        return batchSize > 0
                ? String.format(Locale.ROOT, "%.0f samples/s", batches * (double) batchSize / seconds)
                : String.format(Locale.ROOT, "%.1f batches/s", batches / seconds);
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
