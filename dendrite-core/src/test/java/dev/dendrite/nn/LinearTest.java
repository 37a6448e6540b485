package dev.dendrite.nn;

import static dev.dendrite.autograd.GradAssert.assertGradients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.nn.init.Init;
import dev.dendrite.tensor.ShapeMismatchException;
import dev.dendrite.tensor.Tensor;
import org.junit.jupiter.api.Test;

class LinearTest {

    @Test
    void computesXTimesWeightTransposedPlusBias() {
        var layer = new Linear(3, 2);
        layer.weight().value().copyFrom(Tensor.of(new float[][] {{1, 2, 3}, {-1, 0, 1}}));
        layer.bias().value().copyFrom(Tensor.of(0.5f, -0.5f));
        Tensor y = layer.forward(Tensor.of(new float[][] {{1, 1, 1}, {2, 0, -1}}));
        assertThat(y.toArray()).containsExactly(6.5f, -0.5f, -0.5f, -3.5f);
    }

    @Test
    void gradientsReachInputWeightAndBias() {
        var layer = new Linear(4, 3);
        Tensor x = Tensor.randn(Tensor.generator(1), 5, 4).requiresGrad(true);
        assertGradients(in -> layer.forward(in[0]), x);
        assertGradients(in -> layer.forward(x), layer.weight().value(), layer.bias().value());
    }

    @Test
    void worksOnHigherRankInputs() {
        var layer = new Linear(4, 3);
        Tensor x = Tensor.randn(Tensor.generator(2), 2, 5, 4).requiresGrad(true);
        assertThat(layer.forward(x).dims()).containsExactly(2, 5, 3);
        assertGradients(in -> layer.forward(in[0]), x);
    }

    @Test
    void aWrongInputWidthNamesTheLayerAndTheShape() {
        var layer = new Linear(784, 256);
        assertThatThrownBy(() -> layer.forward(Tensor.zeros(128, 783)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("Linear(in=784, out=256): input of shape [128, 783] needs last dimension 784");
    }

    @Test
    void defaultInitIsBoundedByOneOverSqrtFanIn() {
        var layer = new Linear(100, 50);
        float bound = 0.1f;
        for (float w : layer.weight().value().toArray()) {
            assertThat(Math.abs(w)).isLessThanOrEqualTo(bound);
        }
        float[] he = new Linear(400, 300).weightInit(Init.kaimingNormal()).weight().value().toArray();
        double sq = 0;
        for (float w : he) {
            sq += w * w;
        }
        assertThat(Math.sqrt(sq / he.length)).isCloseTo(Math.sqrt(2.0 / 400), within(0.003));
    }
}
