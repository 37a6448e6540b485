package dev.dendrite.nn;

import static dev.dendrite.autograd.GradAssert.assertGradients;

import dev.dendrite.loss.BCEWithLogitsLoss;
import dev.dendrite.loss.CrossEntropyLoss;
import dev.dendrite.loss.MSELoss;
import dev.dendrite.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Whole networks, loss included, against finite differences: every parameter's gradient. */
class BackpropThroughNetworksTest {

    private static Tensor[] parameters(Module model) {
        return model.parameters().stream().map(Parameter::value).toArray(Tensor[]::new);
    }

    @Test
    void classifierWithEveryActivation() {
        Seeds.manualSeed(3);
        var model = new Sequential(new Linear(5, 6), new Tanh(), new Linear(6, 6), new GELU(),
                new Linear(6, 6), new SiLU(), new Linear(6, 6), new Softplus(), new Linear(6, 6), new ELU(),
                new Linear(6, 4));
        Tensor x = Tensor.randn(Tensor.generator(1), 7, 5);
        Tensor y = Tensor.of(0f, 1f, 2f, 3f, 1f, 2f, 0f);
        var loss = new CrossEntropyLoss();
        assertGradients(in -> loss.apply(model.forward(x), y), parameters(model));
    }

    @Test
    void binaryClassifierAndRegressor() {
        Seeds.manualSeed(4);
        var binary = new Sequential(new Linear(3, 8), new Sigmoid(), new Linear(8, 1), new Flatten(0));
        Tensor x = Tensor.randn(Tensor.generator(2), 6, 3);
        Tensor labels = Tensor.of(0f, 1f, 1f, 0f, 1f, 0f);
        var bce = new BCEWithLogitsLoss();
        assertGradients(in -> bce.apply(binary.forward(x), labels), parameters(binary));

        var regressor = new Sequential(new Linear(3, 8), new SiLU(), new Linear(8, 2));
        Tensor targets = Tensor.randn(Tensor.generator(3), 6, 2);
        var mse = new MSELoss();
        assertGradients(in -> mse.apply(regressor.forward(x), targets), parameters(regressor));
    }
}
