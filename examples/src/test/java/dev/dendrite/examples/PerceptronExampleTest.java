package dev.dendrite.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PerceptronExampleTest {

    @Test
    void aPerceptronLearnsAndAndOr() {
        assertThat(PerceptronExample.perceptron(PerceptronExample.AND)).isEqualTo(1.0);
        assertThat(PerceptronExample.perceptron(PerceptronExample.OR)).isEqualTo(1.0);
    }

    @Test
    void aPerceptronCannotLearnXorButTwoLayersCan() {
        // No line separates XOR's classes, so at most three of the four corners come out right.
        assertThat(PerceptronExample.perceptron(PerceptronExample.XOR)).isLessThanOrEqualTo(0.75);
        assertThat(PerceptronExample.twoLayers(PerceptronExample.XOR)).isEqualTo(1.0);
    }
}
