package dev.dendrite.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dendrite.data.TensorDataset;
import dev.dendrite.io.ModelFileException;
import dev.dendrite.loss.CrossEntropyLoss;
import dev.dendrite.nn.Dropout;
import dev.dendrite.nn.Linear;
import dev.dendrite.nn.Module;
import dev.dendrite.nn.ReLU;
import dev.dendrite.nn.Seeds;
import dev.dendrite.nn.Sequential;
import dev.dendrite.optim.Adam;
import dev.dendrite.optim.schedule.StepLR;
import dev.dendrite.tensor.Tensor;
import dev.dendrite.train.callback.CsvLogger;
import dev.dendrite.train.callback.EarlyStopping;
import dev.dendrite.train.callback.LearningRateScheduler;
import dev.dendrite.train.metric.Accuracy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointResumeTest {

    private static final int EPOCHS = 5;

    /** Three noisy blobs in 4-D, labelled 0..2. */
    private static TensorDataset blobs(int n, long seed) {
        var random = Tensor.generator(seed);
        Tensor x = Tensor.randn(random, n, 4);
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int label = i % 3;
            y[i] = label;
            x.data()[i * 4 + label] += 2f;
        }
        return new TensorDataset(x, Tensor.wrap(y, n));
    }

    /** A fresh set-up of the same run: model (weights from a different seed), optimizer, schedule, callbacks. */
    private record Setup(Module model, Trainer trainer) {
        static Setup create(long initSeed, Path log) {
            Seeds.manualSeed(initSeed);
            var model = new Sequential(new Linear(4, 16), new ReLU(), new Dropout(0.25), new Linear(16, 3));
            var optimizer = new Adam(model.parameters(), 1e-2);
            var trainer = Trainer.of(model).loss(new CrossEntropyLoss()).optimizer(optimizer)
                    .metrics(new Accuracy()).batchSize(16).epochs(EPOCHS).seed(9)
                    .callbacks(new LearningRateScheduler(new StepLR(optimizer, 2, 0.5)),
                            new EarlyStopping("val_loss", 100).restoreBest(), new CsvLogger(log));
            return new Setup(model, trainer);
        }
    }

    private static List<float[]> weights(Module model) {
        return model.parameters().stream().map(p -> p.value().toArray()).toList();
    }

    @Test
    void resumingAfterEpochTwoGivesTheWeightsOfAnUninterruptedRun(@TempDir Path dir) throws Exception {
        var train = blobs(120, 1);
        var validation = blobs(30, 2);

        var uninterrupted = Setup.create(1, dir.resolve("a.csv"));
        History full = uninterrupted.trainer().checkpoint(dir.resolve("run-{epoch}.ckpt")).fit(train, validation);

        var resumed = Setup.create(77, dir.resolve("b.csv"));
        History rest = resumed.trainer().resume(dir.resolve("run-2.ckpt")).fit(train, validation);

        List<float[]> expected = weights(uninterrupted.model());
        List<float[]> actual = weights(resumed.model());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("parameter %d", i).isEqualTo(expected.get(i));
        }
        assertThat(rest.epochs()).isEqualTo(EPOCHS);
        assertThat(rest.get("val_loss")).isEqualTo(full.get("val_loss"));
        assertThat(rest.get("lr")).isEqualTo(full.get("lr"));
        assertThat(Files.readAllLines(dir.resolve("b.csv"))).hasSize(EPOCHS + 1);
    }

    @Test
    void aCheckpointThatDoesNotFitTheModelSaysWhy(@TempDir Path dir) {
        var run = Setup.create(1, dir.resolve("a.csv"));
        run.trainer().epochs(1).checkpoint(dir.resolve("one.ckpt")).fit(blobs(30, 1), blobs(9, 2));
        Seeds.manualSeed(3);
        var other = new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 3));
        var trainer = Trainer.of(other).loss(new CrossEntropyLoss()).optimizer(new Adam(other.parameters())).seed(9)
                .resume(dir.resolve("one.ckpt"));
        assertThatThrownBy(() -> trainer.fit(blobs(30, 1))).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("one.ckpt").hasMessageContaining("parameter");
        var wrongSeed = Setup.create(1, dir.resolve("c.csv")).trainer().seed(10).resume(dir.resolve("one.ckpt"));
        assertThatThrownBy(() -> wrongSeed.fit(blobs(30, 1), blobs(9, 2))).hasMessageContaining("seed 9");
        var plain = Setup.create(1, dir.resolve("d.csv"));
        plain.model().save(dir.resolve("plain.dendrite"));
        var notACheckpoint = plain.trainer().resume(dir.resolve("plain.dendrite"));
        assertThatThrownBy(() -> notACheckpoint.fit(blobs(30, 1), blobs(9, 2)))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("not a Dendrite checkpoint");
    }
}
