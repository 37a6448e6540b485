package dev.dendrite.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The optimizer updates give every element the same bits however the arrays are cut: an update run
 * over whole arrays (as C2 vectorises it, with pre- and post-loops, and in parallel chunks when large)
 * must equal the same update run one element at a time, at lengths that are not multiples of the
 * vector length, with regularisation on, and for one and for all threads.
 */
class OptimizerKernelsTest {

    private static final int L = FloatVector.SPECIES_PREFERRED.length();

    /** Builds the update of one rule over {@code a[0]} = p, {@code a[1]} = g and the state buffers after them. */
    @FunctionalInterface
    interface Rule {
        Parallel.RangeBody over(float[][] a);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                rule("Adam", 2, a -> new AdamUpdate(a[0], a[1], a[2], a[3], null, 0.9, 0.999, 1e-2 / 0.1,
                        Math.sqrt(1 - 0.999), 1e-8, 0, 0, 1)),
                rule("Adam L2+L1", 2, a -> new AdamUpdate(a[0], a[1], a[2], a[3], null, 0.8, 0.5, 0.03, 0.7, 1e-3,
                        0.1, 0.01, 1)),
                rule("AMSGrad", 3, a -> new AdamUpdate(a[0], a[1], a[2], a[3], a[4], 0.8, 0.5, 0.03, 0.7, 1e-8, 0.1,
                        0, 1)),
                rule("AdamW AMSGrad", 3, a -> new AdamUpdate(a[0], a[1], a[2], a[3], a[4], 0.9, 0.99, 0.01, 0.3,
                        1e-8, 0, 0, 1 - 0.01 * 0.5)),
                rule("SGD", 0, a -> new SgdUpdate(a[0], a[1], null, 0.1, 0, 0, 0, 0, false, false)),
                rule("SGD momentum", 1, a -> new SgdUpdate(a[0], a[1], a[2], 0.1, 0.05, 0.01, 0.9, 0.1, false,
                        false)),
                rule("SGD Nesterov first step", 1, a -> new SgdUpdate(a[0], a[1], a[2], 0.1, 0.05, 0, 0.9, 0, true,
                        true)),
                rule("Adagrad", 1, a -> new AdagradUpdate(a[0], a[1], a[2], 0.1, 1e-10, 0.05, 0.01)),
                rule("Adadelta", 2, a -> new AdadeltaUpdate(a[0], a[1], a[2], a[3], 1.0, 0.9, 1e-6, 0.05, 0)),
                rule("RMSprop", 1, a -> new RmspropUpdate(a[0], a[1], a[2], null, null, 0.01, 0.99, 1e-8, 0, 0, 0)),
                rule("RMSprop centered momentum", 3, a -> new RmspropUpdate(a[0], a[1], a[2], a[3], a[4], 0.01, 0.9,
                        1e-8, 0.5, 0.05, 0.01)),
                rule("Adamax", 2, a -> new AdamaxUpdate(a[0], a[1], a[2], a[3], 0.9, 0.999, 0.002, 1e-8, 0.05,
                        0.01)),
                rule("NAdam", 2, a -> new NadamUpdate(a[0], a[1], a[2], a[3], 0.9, 0.999, 0.002, 1e-8, -0.001,
                        -0.009, 0.05, 0)));
    }

    private static Arguments rule(String name, int buffers, Rule rule) {
        return Arguments.of(name, buffers, rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void wholeArraysAndSingleElementsAgreeBitForBit(String name, int buffers, Rule rule) {
        for (int n : new int[] {1, L - 1, L, L + 1, 2 * L + 3, 3 * L + 5, 7 * L - 1}) {
            float[][] whole = arrays(n, buffers, n);
            float[][] oneByOne = copy(whole);
            for (int step = 0; step < 3; step++) {
                Chunks.run(n, rule.over(whole));
                Parallel.RangeBody scalar = rule.over(oneByOne);
                for (int i = 0; i < n; i++) {
                    scalar.run(i, i + 1);
                }
                assertSameBits(name + ", n = " + n + ", step " + (step + 1), whole, oneByOne);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void parallelChunksGiveTheSameBitsForOneAndAllThreads(String name, int buffers, Rule rule) {
        int n = 3 * Chunks.PARALLEL_THRESHOLD + 5;
        float[][] parallel = arrays(n, buffers, 17);
        float[][] single = copy(parallel);
        float[][] scalar = copy(parallel);
        int threads = Parallel.threads();
        try {
            Parallel.setThreads(Parallel.cores());
            Chunks.run(n, rule.over(parallel));
            Parallel.setThreads(1);
            Chunks.run(n, rule.over(single));
        } finally {
            Parallel.setThreads(threads);
        }
        Parallel.RangeBody tail = rule.over(scalar);
        for (int i = 0; i < n; i++) {
            tail.run(i, i + 1);
        }
        assertSameBits(name + ", all threads vs one", parallel, single);
        assertSameBits(name + ", chunks vs single elements", parallel, scalar);
    }

    /** p, g and the state buffers: signed values with exact zeros in p and g, non-negative second moments. */
    private static float[][] arrays(int n, int buffers, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] a = new float[2 + buffers][n];
        for (int k = 0; k < a.length; k++) {
            for (int i = 0; i < n; i++) {
                float value = (float) random.nextDouble(-2, 2);
                boolean zero = k < 2 && random.nextInt(7) == 0;
                a[k][i] = zero ? 0f : k >= 2 && k % 2 == 1 ? Math.abs(value) : k >= 2 ? value * 0.1f : value;
            }
        }
        return a;
    }

    private static float[][] copy(float[][] a) {
        float[][] copy = new float[a.length][];
        for (int k = 0; k < a.length; k++) {
            copy[k] = a[k].clone();
        }
        return copy;
    }

    private static void assertSameBits(String what, float[][] actual, float[][] expected) {
        for (int k = 0; k < actual.length; k++) {
            if (k == 1) {
                continue; // the gradient is only read
            }
            for (int i = 0; i < actual[k].length; i++) {
                assertThat(Float.floatToRawIntBits(actual[k][i]))
                        .as("%s: array %d element %d: %s vs %s", what, k, i, actual[k][i], expected[k][i])
                        .isEqualTo(Float.floatToRawIntBits(expected[k][i]));
            }
        }
    }
}
