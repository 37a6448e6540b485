package dev.dendrite.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dendrite.loss.CrossEntropyLoss;
import dev.dendrite.tensor.ShapeMismatchException;
import dev.dendrite.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sequential runs a Linear followed by a ReLU as one fused op: the same outputs and gradients, bit for bit. */
class SequentialFusionTest {

    @Test
    void fusedLinearReluGivesTheOutputsAndGradientsOfTheLayersOneByOne() {
        Seeds.manualSeed(9);
        Sequential model = new Sequential(new Linear(12, 16), new ReLU(), new Linear(16, 8), new ReLU(),
                new Linear(8, 3));
        Tensor x = Tensor.randn(Tensor.generator(5), 10, 12);
        Tensor y = Tensor.of(0f, 1f, 2f, 0f, 1f, 2f, 0f, 1f, 2f, 0f);
        var loss = new CrossEntropyLoss();

        Tensor fused = model.forward(x);
        assertThat(fused.gradFn().inputs().get(0).gradFn().op()).isEqualTo("linearRelu");
        loss.apply(fused, y).backward();
        List<float[]> fusedGrads = model.parameters().stream().map(p -> p.grad().toArray()).toList();
        model.zeroGrad();

        Tensor oneByOne = x;
        for (Module layer : model.layers()) {
            oneByOne = layer.forward(oneByOne);
        }
        loss.apply(oneByOne, y).backward();
        assertThat(fused.toArray()).isEqualTo(oneByOne.toArray());
        for (int i = 0; i < fusedGrads.size(); i++) {
            assertThat(fusedGrads.get(i)).as("parameter %d", i).isEqualTo(model.parameters().get(i).grad().toArray());
        }
    }

    @Test
    void aReluThatDoesNotFollowALinearRunsOnItsOwn() {
        Sequential model = new Sequential(new ReLU(), new Linear(2, 2), new Tanh(), new ReLU());
        Tensor out = model.forward(Tensor.of(new float[][] {{-1f, 2f}}));
        assertThat(out.dims()).containsExactly(1, 2);
        for (float v : out.toArray()) {
            assertThat(v).isGreaterThanOrEqualTo(0f);
        }
    }

    @Test
    void aWrongWidthStillNamesTheLayer() {
        Sequential model = new Sequential(new Linear(4, 3), new ReLU());
        assertThatThrownBy(() -> model.forward(Tensor.zeros(2, 5)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("Linear(in=4, out=3): input of shape [2, 5] needs last dimension 4");
    }
}
