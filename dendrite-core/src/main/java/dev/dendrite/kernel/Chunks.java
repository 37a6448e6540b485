package dev.dendrite.kernel;

/**
 * Splits elementwise work over the cores once it is big enough to pay for the hand-off. Every chunk
 * writes a disjoint part of the output and each element's value does not depend on the chunking, so
 * results are the same for any number of threads.
 */
final class Chunks {

    /** Below this many elements a kernel runs on the calling thread. */
    static final int PARALLEL_THRESHOLD = 1 << 15;

    private Chunks() {
    }

    /** Runs {@code body} over {@code [0, n)}, in parallel chunks when {@code n} is large. */
    static void run(int n, Parallel.RangeBody body) {
        if (n < PARALLEL_THRESHOLD) {
            body.run(0, n);
        } else {
            Parallel.forRange(n, PARALLEL_THRESHOLD / 2, body);
        }
    }

    /** Runs {@code body} over the units {@code [0, units)} of {@code unitSize} elements each, in parallel when the total is large. */
    static void run(int units, int unitSize, Parallel.RangeBody body) {
        long total = (long) units * unitSize;
        if (total < PARALLEL_THRESHOLD || units < 2) {
            body.run(0, units);
        } else {
            Parallel.forRange(units, Math.max(1, (PARALLEL_THRESHOLD / 2) / Math.max(1, unitSize)), body);
        }
    }
}
