package dev.dendrite.train.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.data.TensorDataset;
import dev.dendrite.io.Model;
import dev.dendrite.loss.MSELoss;
import dev.dendrite.nn.Linear;
import dev.dendrite.optim.SGD;
import dev.dendrite.tensor.Tensor;
import dev.dendrite.train.History;
import dev.dendrite.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCheckpointTest {

    private static TensorDataset noisyLine(int n, long seed) {
        var random = Tensor.generator(seed);
        Tensor x = Tensor.randn(random, n, 1);
        Tensor y = x.mul(3f).add(Tensor.randn(random, n, 1).mul(2f));
        return new TensorDataset(x, y);
    }

    @Test
    void everyEpochGetsItsOwnFile(@TempDir Path dir) {
        var model = new Linear(1, 1);
        Trainer.of(model).loss(new MSELoss()).optimizer(new SGD(model.parameters(), 0.05)).batchSize(8).epochs(3)
                .callbacks(new ModelCheckpoint(dir.resolve("model-{epoch}.dendrite"))).fit(noisyLine(32, 1));
        assertThat(dir.resolve("model-1.dendrite")).exists();
        assertThat(dir.resolve("model-3.dendrite")).exists();
        var last = (Linear) Model.load(dir.resolve("model-3.dendrite")).module();
        assertThat(last.weight().value().toArray()).isEqualTo(model.weight().value().toArray());
    }

    @Test
    void saveBestOnlyKeepsTheModelOfTheBestValidationLoss(@TempDir Path dir) throws Exception {
        var model = new Linear(1, 1);
        Path file = dir.resolve("best.dendrite");
        var validation = noisyLine(16, 2);
        var trainer = Trainer.of(model).loss(new MSELoss()).optimizer(new SGD(model.parameters(), 0.3))
                .batchSize(4).epochs(12).callbacks(new ModelCheckpoint(file).saveBestOnly("val_loss"));
        History history = trainer.fit(noisyLine(48, 3), validation);
        double best = java.util.Arrays.stream(history.get("val_loss")).min().orElseThrow();
        var saved = Model.load(file).module();
        double savedLoss = Trainer.of(saved).loss(new MSELoss()).evaluate(validation).get("loss");
        assertThat(savedLoss).isCloseTo(best, within(1e-6));
        assertThat(Files.list(dir).count()).as("only the checkpoint, no temporary files left").isEqualTo(1);
    }
}
