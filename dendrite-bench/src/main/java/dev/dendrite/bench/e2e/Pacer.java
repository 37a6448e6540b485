package dev.dendrite.bench.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The child's side of a paired run: a paced child announces {@value #READY} on standard output and
 * waits for a line on standard input before each measured epoch and before inference, so the parent
 * can let two children take turns (see {@code TrainingBenchmark --paired}). The announcement before
 * the next phase also tells the parent the previous one is over.
 */
final class Pacer {

    /** The line a paced child prints when it is idle and waiting for its turn. */
    static final String READY = "E2E-READY";

    private static final BufferedReader IN = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    private Pacer() {
    }

    /** Waits for the parent's word if {@code spec} is paced; returns at once otherwise. */
    static void awaitTurn(RunSpec spec) {
        if (!spec.paced()) {
            return;
        }
        System.out.println(READY);
        System.out.flush();
        try {
            if (IN.readLine() == null) {
                throw new IllegalStateException("the parent closed standard input before this child's turn");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
