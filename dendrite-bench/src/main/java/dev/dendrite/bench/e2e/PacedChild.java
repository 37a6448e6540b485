package dev.dendrite.bench.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The parent's handle on a paced child JVM (see {@link Pacer}): its output goes to its log, and
 * {@link #awaitReady} returns when it says it is idle, {@link #go} starts its next phase.
 */
final class PacedChild {

    private static final String EXITED = "\u0000exited";

    private final Process process;
    private final Path log;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private volatile RunResult result;
    private boolean outputDone;

    private PacedChild(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread copier = new Thread(this::copyOutput, "e2e-child-output");
        copier.setDaemon(true);
        copier.start();
    }

    /** Starts {@code command}, appending its output (standard error included) to {@code log}. */
    static PacedChild start(ProcessBuilder builder, List<String> command, Path log) throws IOException {
        Files.writeString(log, String.join(" ", command) + "\n\n", StandardCharsets.UTF_8);
        Process process = builder.command(command).redirectErrorStream(true).start();
        return new PacedChild(process, log);
    }

    private void copyOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            for (String line; (line = in.readLine()) != null; ) {
                out.write(line);
                out.write('\n');
                out.flush();
                if (line.equals(Pacer.READY)) {
                    events.add(line);
                } else if (line.startsWith(RunResult.PREFIX)) {
                    result = RunResult.parse(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            events.add(EXITED);
        }
    }

    /** Waits until the child is idle, waiting for its turn. */
    void awaitReady() throws InterruptedException {
        if (!events.take().equals(Pacer.READY)) {
            throw failure("exited before it was ready for its next turn");
        }
    }

    /** Lets the child run its next phase (a measured epoch, or inference and then exit). */
    void go() {
        try {
            OutputStream in = process.getOutputStream();
            in.write('\n');
            in.flush();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the child logging to " + log, e);
        }
    }

    /** Waits for the child to exit and for its output to be read, and returns the result it printed. */
    RunResult awaitResult() throws InterruptedException {
        int exit = process.waitFor();
        if (!outputDone) {
            while (!events.take().equals(EXITED)) {
                // nothing is announced after the last phase; skip to the end of the output
            }
            outputDone = true;
        }
        if (result == null) {
            throw failure("exited " + exit + " without a result");
        }
        return result;
    }

    /** Stops the child if it is still running (after a failure of the other one). */
    void destroy() {
        process.destroyForcibly();
    }

    private IllegalStateException failure(String what) {
        String tail;
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            tail = "(log unreadable: " + e.getMessage() + ")";
        }
        return new IllegalStateException("child logging to " + log + " " + what + ":\n" + tail);
    }
}
