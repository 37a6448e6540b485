package dev.dendrite.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.data.TensorDataset;
import dev.dendrite.loss.Loss;
import dev.dendrite.nn.Dropout;
import dev.dendrite.nn.Linear;
import dev.dendrite.nn.Module;
import dev.dendrite.nn.ReLU;
import dev.dendrite.nn.Seeds;
import dev.dendrite.nn.Sequential;
import dev.dendrite.optim.Adam;
import dev.dendrite.optim.SGD;
import dev.dendrite.optim.schedule.StepLR;
import dev.dendrite.tensor.Tensor;
import dev.dendrite.train.callback.CsvLogger;
import dev.dendrite.train.callback.LearningRateScheduler;
import dev.dendrite.train.callback.ProgressBar;
import dev.dendrite.train.metric.MeanAbsoluteError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

    private static final Loss MSE = (prediction, target) -> prediction.sub(target).pow(2f).mean();

    /** y = 2 x0 - 3 x1 + 1 with a little noise, as [n, 2] -> [n, 1]. */
    private static TensorDataset line(int n, long seed) {
        var random = Tensor.generator(seed);
        Tensor x = Tensor.randn(random, n, 2);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = 2 * x.get(i, 0) - 3 * x.get(i, 1) + 1 + 0.01f * (float) random.nextGaussian();
        }
        return new TensorDataset(x, Tensor.wrap(y, n, 1));
    }

    @Test
    void gradientDescentFitsALine() {
        var model = new Linear(2, 1);
        History history = Trainer.of(model).loss(MSE).optimizer(new SGD(model.parameters(), 0.1))
                .batchSize(16).epochs(30).seed(1).metrics(new MeanAbsoluteError())
                .fit(line(256, 1), line(64, 2));
        double[] loss = history.get("loss");
        assertThat(loss[loss.length - 1]).isLessThan(loss[0] / 100);
        assertThat(history.last("val_loss")).isLessThan(1e-3);
        assertThat(history.names()).contains("loss", "mean_absolute_error", "val_loss", "val_mean_absolute_error", "lr", "time");
        assertThat(model.weight().value().toArray()).containsExactly(new float[] {2f, -3f}, within(0.02f));
        assertThat(model.bias().value().item()).isCloseTo(1f, within(0.02f));
    }

    private static float[] trainOnce(long trainerSeed) {
        Seeds.manualSeed(5);
        Module model = new Sequential(new Linear(2, 16), new ReLU(), new Dropout(0.3), new Linear(16, 1));
        Trainer.of(model).loss(MSE).optimizer(new Adam(model.parameters(), 1e-2))
                .batchSize(8).epochs(3).seed(trainerSeed).fit(line(100, 3));
        return model.parameters().stream().map(p -> p.value().toArray())
                .reduce(new float[0], (a, b) -> {
                    float[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
                    System.arraycopy(b, 0, joined, a.length, b.length);
                    return joined;
                });
    }

    @Test
    void theSameSeedGivesBitIdenticalWeights() {
        float[] first = trainOnce(7);
        float[] second = trainOnce(7);
        float[] other = trainOnce(8);
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aDivergingRunStopsNamingEpochAndBatchAndKeepsFiniteWeights() {
        var model = new Linear(2, 1);
        var data = line(64, 4);
        for (int i = 0; i < 64; i++) {
            data.features().data()[2 * i] *= 1e4f;
        }
        History history = Trainer.of(model).loss(MSE).optimizer(new SGD(model.parameters(), 10.0))
                .batchSize(8).epochs(5).fit(data);
        assertThat(history.stopReason()).contains("diverged").containsPattern("epoch \\d+, batch \\d+")
                .contains("smaller learning rate");
        for (float w : model.weight().value().toArray()) {
            assertThat(Float.isFinite(w)).isTrue();
        }
    }

    @Test
    void aNaNInTheDataIsNamedInsteadOfBlamingTheLearningRate() {
        var model = new Linear(2, 1);
        var data = line(64, 4);
        data.features().data()[2 * 5 + 1] = Float.NaN; // example 6, second value
        History history = Trainer.of(model).loss(MSE).optimizer(new SGD(model.parameters(), 0.01))
                .batchSize(64).epochs(3).fit(data);
        assertThat(history.stopReason()).contains("diverged").contains("epoch 1, batch 1")
                .contains("features hold NaN").contains("value 2").doesNotContain("smaller learning rate");
        var targets = line(64, 4);
        targets.targets().data()[9] = Float.POSITIVE_INFINITY;
        var other = new Linear(2, 1);
        History second = Trainer.of(other).loss(MSE).optimizer(new SGD(other.parameters(), 0.01))
                .batchSize(64).epochs(3).fit(targets);
        assertThat(second.stopReason()).contains("targets hold Infinity");
    }

    @Test
    void validationSplitAndSchedulerShowInTheHistory() {
        var model = new Linear(2, 1);
        var optimizer = new SGD(model.parameters(), 0.1);
        History history = Trainer.of(model).loss(MSE).optimizer(optimizer).batchSize(32).epochs(4)
                .validationSplit(0.25).callbacks(new LearningRateScheduler(new StepLR(optimizer, 2, 0.5)))
                .fit(line(200, 5));
        assertThat(history.get("val_loss")).hasSize(4);
        assertThat(history.get("lr")).containsExactly(0.1, 0.1, 0.05, 0.05);
    }

    @Test
    void csvLoggerAndPlainProgressWriteOneLinePerEpoch(@TempDir Path dir) throws IOException {
        var model = new Linear(2, 1);
        var out = new ByteArrayOutputStream();
        Path log = dir.resolve("logs/history.csv");
        Trainer.of(model).loss(MSE).optimizer(new SGD(model.parameters(), 0.05)).batchSize(16).epochs(3)
                .callbacks(new CsvLogger(log), new ProgressBar(new PrintStream(out, true, StandardCharsets.UTF_8), false))
                .fit(line(64, 6), line(32, 7));
        List<String> rows = Files.readAllLines(log);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).startsWith("epoch,loss,val_loss,lr,time");
        assertThat(rows.get(3)).startsWith("3,");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines().toList()).hasSize(3);
        assertThat(printed).contains("Epoch 3/3").contains("val_loss").contains("samples/s").doesNotContain("\r");
    }

    @Test
    void evaluateAndPredictRunInEvaluationModeWithoutGradients() {
        var model = new Sequential(new Linear(2, 8), new Dropout(0.5), new Linear(8, 1));
        var trainer = Trainer.of(model).loss(MSE).batchSize(10);
        var data = line(25, 8);
        Tensor first = trainer.predict(data);
        Tensor second = trainer.predict(data);
        assertThat(first.dims()).containsExactly(25, 1);
        assertThat(first.requiresGrad()).isFalse();
        assertThat(second.toArray()).isEqualTo(first.toArray());
        assertThat(model.isTraining()).isTrue();
        assertThat(trainer.evaluate(data).get("loss")).isPositive();
    }

    @Test
    void fitWithoutLossOrOptimizerSaysWhatIsMissing() {
        var model = new Linear(2, 1);
        assertThatThrownBy(() -> Trainer.of(model).fit(line(4, 1))).hasMessageContaining("set the loss and the optimizer");
        assertThatThrownBy(() -> Trainer.of(model).batchSize(0)).hasMessageContaining("batch size");
    }
}
