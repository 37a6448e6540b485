package dev.dendrite.data;

import dev.dendrite.tensor.Tensor;
import java.util.random.RandomGenerator;

/** Seeded shuffles, the same on every machine for the same seed. */
final class Permutations {

    private Permutations() {
    }

    /** The generator for one use of {@code seed}, e.g. one epoch: streams for different {@code stream}s do not overlap in practice. */
    static RandomGenerator generator(long seed, long stream) {
        // SplitMix64's finaliser, so that seeds 1, 2, 3 and epochs 0, 1, 2 give unrelated generators.
        long z = seed + (stream + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return Tensor.generator(z ^ (z >>> 31));
    }

    /** {@code 0, 1, ..., n-1} in an order drawn from {@code random} (Fisher-Yates). */
    static int[] shuffled(int n, RandomGenerator random) {
        int[] order = identity(n);
        shuffle(order, random);
        return order;
    }

    /** Shuffles {@code values} in place. */
    static void shuffle(int[] values, RandomGenerator random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /** {@code 0, 1, ..., n-1}. */
    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
