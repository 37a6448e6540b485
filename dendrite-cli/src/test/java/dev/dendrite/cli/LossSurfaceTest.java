package dev.dendrite.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.data.Batch;
import dev.dendrite.data.TensorDataset;
import dev.dendrite.loss.MSELoss;
import dev.dendrite.nn.Flatten;
import dev.dendrite.nn.Linear;
import dev.dendrite.nn.Seeds;
import dev.dendrite.nn.Sequential;
import dev.dendrite.nn.Tanh;
import dev.dendrite.tensor.Tensor;
import dev.dendrite.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LossSurfaceTest {

    @Test
    void theCentreIsTheEvaluatedLossAndTheWeightsArePutBack() {
        Seeds.manualSeed(11);
        Sequential model = new Sequential(new Linear(3, 6), new Tanh(), new Linear(6, 1), new Flatten(0));
        SplittableRandom random = new SplittableRandom(2);
        float[] x = new float[600 * 3];
        float[] y = new float[600];
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < 3; j++) {
                x[i * 3 + j] = (float) random.nextGaussian();
            }
            y[i] = x[i * 3] - 2 * x[i * 3 + 1];
        }
        TensorDataset data = new TensorDataset(Tensor.wrap(x, 600, 3), Tensor.wrap(y, 600));
        double evaluated = Trainer.of(model).loss(new MSELoss()).evaluate(data).get("loss");
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < 600; from += 256) {
            batches.add(data.batch(java.util.stream.IntStream.range(from, Math.min(600, from + 256)).toArray()));
        }
        float[] before = model.namedParameters().get("0.weight").value().toArray();
        var delta = Directions.filterNormalised(model.namedParameters(), random);
        var eta = Directions.filterNormalised(model.namedParameters(), random);
        int[] calls = {0};

        LossSurface surface = LossSurface.evaluate(model, new MSELoss(), batches, delta, eta, LossSurface.grid(5, 0.5),
                done -> calls[0] = done);

        assertThat(surface.centre()).isCloseTo(evaluated, within(1e-6 * evaluated));
        assertThat(surface.loss()[0][0]).isNotCloseTo(evaluated, within(1e-3 * evaluated));
        assertThat(calls[0]).isEqualTo(25);
        assertThat(model.namedParameters().get("0.weight").value().toArray()).isEqualTo(before);
        assertThat(LossSurface.grid(5, 0.5)).containsExactly(-0.5, -0.25, 0, 0.25, 0.5);
    }
}
