package dev.dendrite.bench.e2e;

import java.util.function.IntToDoubleFunction;

/**
 * The inference timing both frameworks' children share: warm up, then time the calls in slices and
 * report the median slice's rate, so a moment of interference from another process on a shared
 * machine moves one slice, not the figure.
 */
final class InferenceRate {

    /** Warm-up time before timing; a fresh path (the batch-1 matrix-vector kernels) needs about a second to be compiled. */
    static final double WARMUP_SECONDS = 2.0;

    /** Timed slices per measurement. */
    static final int SLICES = 5;

    private InferenceRate() {
    }

    /** Turns a paced child takes per measurement: the warm-up and each slice (see {@link #measure}). */
    static final int TURNS = 1 + SLICES;

    /**
     * Samples per second of {@code call.applyAsDouble(i)} for i = 0, 1, 2, ..., each call processing
     * {@code samplesPerCall} samples and returning a value that is kept alive. Warms up for at least
     * {@code warmupCalls} calls and {@link #WARMUP_SECONDS}, then times {@code calls} calls (at least
     * one per slice) in {@value #SLICES} slices: every slice's rate, in order (their median is the
     * figure). {@code turn} runs before the warm-up and before each slice ({@value #TURNS} times): a
     * paced child waits there for its turn.
     */
    static double[] measure(int warmupCalls, int calls, int samplesPerCall, Runnable turn, IntToDoubleFunction call) {
        double sink = 0;
        int i = 0;
        turn.run();
        long warmupEnd = System.nanoTime() + (long) (WARMUP_SECONDS * 1e9);
        while (i < warmupCalls || System.nanoTime() < warmupEnd) {
            sink += call.applyAsDouble(i++);
        }
        int perSlice = Math.max(1, calls / SLICES);
        double[] rates = new double[SLICES];
        for (int slice = 0; slice < SLICES; slice++) {
            turn.run();
            long start = System.nanoTime();
            for (int c = 0; c < perSlice; c++) {
                sink += call.applyAsDouble(i++);
            }
            rates[slice] = (double) perSlice * samplesPerCall / ((System.nanoTime() - start) / 1e9);
        }
        DendriteTraining.consume((float) sink);
        return rates;
    }
}
