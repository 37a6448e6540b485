package dev.dendrite.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dendrite.loss.CrossEntropyLoss;
import dev.dendrite.optim.Adam;
import dev.dendrite.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A parameter's gradient array is reused from step to step unless someone took the gradient with
 * grad(): then that tensor keeps its values, and the next gradient gets a new array.
 */
class GradBufferReuseTest {

    private final CrossEntropyLoss loss = new CrossEntropyLoss();
    private final Tensor targets = Tensor.of(0f, 1f, 2f, 1f);

    private Sequential model() {
        Seeds.manualSeed(17);
        return new Sequential(new Linear(6, 5), new ReLU(), new Linear(5, 3));
    }

    private Tensor input(long seed) {
        return Tensor.randn(Tensor.generator(seed), 4, 6);
    }

    @Test
    void trainingStepsReuseTheGradientArraysAndGetTheSameGradientsAsFreshOnes() {
        Sequential model = model();
        Parameter weight = model.parameters().get(0);
        Adam adam = new Adam(model.parameters(), 1e-2);
        loss.apply(model.forward(input(1)), targets).backward();
        float[] first = weight.value().gradData();
        adam.step();
        adam.zeroGrad();
        loss.apply(model.forward(input(2)), targets).backward();
        assertThat(weight.value().gradData()).isSameAs(first);
        float[] reused = weight.value().gradData().clone();

        // The same weights and input with nothing to reuse give the same gradient.
        Sequential twin = model();
        twin.parameters().get(0).value().copyFrom(weight.value());
        for (int i = 1; i < 4; i++) {
            twin.parameters().get(i).value().copyFrom(model.parameters().get(i).value());
        }
        loss.apply(twin.forward(input(2)), targets).backward();
        assertThat(twin.parameters().get(0).grad().toArray()).isEqualTo(reused);
    }

    @Test
    void aGradientTakenWithGradKeepsItsValuesThroughLaterSteps() {
        Sequential model = model();
        Parameter weight = model.parameters().get(0);
        loss.apply(model.forward(input(1)), targets).backward();
        Tensor kept = weight.grad();
        float[] values = kept.toArray();
        model.zeroGrad();
        loss.apply(model.forward(input(2)), targets).backward();
        assertThat(kept.toArray()).isEqualTo(values);
        assertThat(weight.value().gradData()).isNotSameAs(kept.data());
        // Nobody took the second one: the third gradient reuses its array.
        float[] second = weight.value().gradData();
        model.zeroGrad();
        loss.apply(model.forward(input(3)), targets).backward();
        assertThat(weight.value().gradData()).isSameAs(second);
    }

    @Test
    void accumulatingWithoutZeroGradAddsToTheReusedArray() {
        Sequential model = model();
        Parameter bias = model.parameters().get(1);
        loss.apply(model.forward(input(1)), targets).backward();
        float[] once = bias.value().gradData().clone();
        model.zeroGrad();
        loss.apply(model.forward(input(1)), targets).backward();
        loss.apply(model.forward(input(1)), targets).backward();
        float[] twice = bias.value().gradData();
        for (int i = 0; i < once.length; i++) {
            assertThat(twice[i]).isEqualTo(2 * once[i]);
        }
    }
}
