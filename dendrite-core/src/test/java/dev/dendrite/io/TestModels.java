package dev.dendrite.io;

import dev.dendrite.autograd.NoGrad;
import dev.dendrite.nn.Dropout;
import dev.dendrite.nn.ELU;
import dev.dendrite.nn.Flatten;
import dev.dendrite.nn.GELU;
import dev.dendrite.nn.Identity;
import dev.dendrite.nn.LeakyReLU;
import dev.dendrite.nn.Linear;
import dev.dendrite.nn.LogSoftmax;
import dev.dendrite.nn.Module;
import dev.dendrite.nn.Perceptron;
import dev.dendrite.nn.ReLU;
import dev.dendrite.nn.Sequential;
import dev.dendrite.nn.SiLU;
import dev.dendrite.nn.Sigmoid;
import dev.dendrite.nn.Softmax;
import dev.dendrite.nn.Softplus;
import dev.dendrite.nn.Tanh;
import dev.dendrite.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Models and inputs shared by the io tests. */
final class TestModels {

    private TestModels() {
    }

    /** A network using every built-in layer type, for inputs of shape [N, 3, 4]. */
    static Sequential everyLayer() {
        return new Sequential(
                new Flatten(),
                new Linear(12, 16), new ReLU(),
                new Linear(16, 16, false), new LeakyReLU(0.2f),
                new Dropout(0.25),
                new Linear(16, 16), new ELU(0.7f),
                new Sequential(new Linear(16, 16), new GELU(), new SiLU()),
                new Linear(16, 16), new Softplus(), new Tanh(), new Sigmoid(), new Identity(),
                new Linear(16, 6), new Softmax(-1), new Linear(6, 6), new LogSoftmax(1),
                new Perceptron(6, new LeakyReLU(0.05f)));
    }

    /** A scaler-like preprocessing with class names. */
    static Preprocessing standardScaler() {
        Map<String, Tensor> params = new LinkedHashMap<>();
        params.put("mean", Tensor.of(0.5f, -1.25f, Float.MIN_VALUE));
        params.put("std", Tensor.of(new float[] {1f, 2f, 3f, 4f}, 2, 2));
        return new Preprocessing("standard", params, List.of("benign", "malignant"));
    }

    /** A fixed input for {@link #everyLayer()}. */
    static Tensor input(long seed) {
        return Tensor.randn(Tensor.generator(seed), 5, 3, 4);
    }

    /** The module's output for {@code input} in evaluation mode, without a graph. */
    static float[] predict(Module module, Tensor input) {
        boolean training = module.isTraining();
        module.eval();
        try (var noGrad = NoGrad.enter()) {
            return module.forward(input).toArray();
        } finally {
            module.train(training);
        }
    }
}
