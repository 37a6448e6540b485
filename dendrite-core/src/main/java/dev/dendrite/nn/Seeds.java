package dev.dendrite.nn;

import dev.dendrite.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * The global random stream that layers draw their initial weights (and dropout layers their mask
 * streams) from when they are constructed, like {@code torch.manual_seed}. It starts from seed 0, so a
 * program that builds the same network twice gets the same weights unless it reseeds.
 */
public final class Seeds {

    private static RandomGenerator global = Tensor.generator(0);

    private Seeds() {
    }

    /** Restarts the global stream from {@code seed}. */
    public static synchronized void manualSeed(long seed) {
        global = Tensor.generator(seed);
    }

    /** A new generator whose seed is the next number of the global stream. */
    public static synchronized RandomGenerator next() {
        return Tensor.generator(global.nextLong());
    }
}
