package dev.dendrite.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.tensor.Tensor;
import org.junit.jupiter.api.Test;

class DropoutTest {

    @Test
    void dropsAboutPAndScalesSurvivorsInTraining() {
        var dropout = new Dropout(0.3);
        float[] y = dropout.forward(Tensor.ones(100, 100)).toArray();
        int dropped = 0;
        for (float v : y) {
            if (v == 0f) {
                dropped++;
            } else {
                assertThat(v).isCloseTo(1f / 0.7f, within(1e-6f));
            }
        }
        assertThat(dropped / 10000.0).isCloseTo(0.3, within(0.03));
    }

    @Test
    void passesThroughInEvaluation() {
        var dropout = new Dropout(0.5);
        dropout.eval();
        Tensor x = Tensor.randn(Tensor.generator(4), 3, 3);
        assertThat(dropout.forward(x)).isSameAs(x);
    }

    @Test
    void gradientFollowsTheMask() {
        var dropout = new Dropout(0.5);
        Tensor x = Tensor.ones(50).requiresGrad(true);
        Tensor y = dropout.forward(x);
        y.sum().backward();
        assertThat(x.grad().toArray()).isEqualTo(y.toArray());
    }

    @Test
    void masksAreRepeatableFromTheSameSeed() {
        var a = new Dropout(0.5);
        var b = new Dropout(0.5);
        a.resetParameters(Tensor.generator(3));
        b.resetParameters(Tensor.generator(3));
        assertThat(a.forward(Tensor.ones(64)).toArray()).isEqualTo(b.forward(Tensor.ones(64)).toArray());
        assertThatThrownBy(() -> new Dropout(1.5)).hasMessageContaining("[0, 1]");
    }
}
