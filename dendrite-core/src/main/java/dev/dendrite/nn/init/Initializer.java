package dev.dendrite.nn.init;

import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * A rule for a parameter's initial values, given its shape, its fan-in and fan-out (the number of
 * inputs feeding one unit and of units one input feeds) and a random generator.
 */
@FunctionalInterface
public interface Initializer {

    /** A new tensor of {@code shape} with initial values. */
    Tensor create(Shape shape, int fanIn, int fanOut, RandomGenerator random);
}
