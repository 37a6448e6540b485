package dev.dendrite.cli;

import dev.dendrite.train.Callback;
import dev.dendrite.train.TrainingContext;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or a TERM signal) during {@code train}: the fit loop stops after the current batch, and the
 * JVM's shutdown waits, up to a minute, while the run keeps its best model and writes its report.
 */
final class GracefulStop implements Callback, AutoCloseable {

    static final String REASON = "interrupted (Ctrl-C)";
    private static final long WAIT_SECONDS = 60;

    private final PrintStream console;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;

    /** Installs the shutdown hook; close() removes it once the run has written everything. */
    GracefulStop(PrintStream console) {
        this.console = console;
        this.hook = new Thread(this::onSignal, "dendrite-graceful-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private void onSignal() {
        requested = true;
        console.println();
        console.println("Interrupted: stopping after the current batch; keeping the best model and writing the report...");
        console.flush();
        try {
            finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void onBatchEnd(int epoch, int batch, Map<String, Double> logs, TrainingContext context) {
        if (requested) {
            context.stopTraining(REASON);
        }
    }

    /** The run has saved what it had: lets a waiting shutdown go on, or removes the hook if none came. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The signal came: the hook is running and returns now that the run has finished.
        }
    }
}
