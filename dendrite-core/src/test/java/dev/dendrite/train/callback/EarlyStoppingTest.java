package dev.dendrite.train.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dendrite.nn.Linear;
import dev.dendrite.nn.Module;
import dev.dendrite.train.History;
import dev.dendrite.train.TrainingContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    /** A context over a model that records stop requests. */
    private static final class FakeContext implements TrainingContext {
        final Module model = new Linear(1, 1);
        final History history = new History();
        String reason;

        @Override public Module model() { return model; }
        @Override public History history() { return history; }
        @Override public int epochs() { return 100; }
        @Override public int batchesPerEpoch() { return 1; }
        @Override public int batchSize() { return 1; }
        @Override public double learningRate() { return 0.1; }
        @Override public void setLearningRate(double learningRate) { }
        @Override public void stopTraining(String why) { if (reason == null) { reason = why; } }
        @Override public boolean stopRequested() { return reason != null; }
    }

    /** Runs epochs with the given monitored values, setting the weight to the epoch number; returns the stop epoch. */
    private static int run(EarlyStopping stopping, FakeContext context, String name, double... values) {
        stopping.onTrainBegin(context);
        for (int epoch = 0; epoch < values.length; epoch++) {
            context.model.parameters().get(0).value().fill(epoch);
            stopping.onEpochEnd(epoch, Map.of(name, values[epoch]), context);
            if (context.stopRequested()) {
                stopping.onTrainEnd(context);
                return epoch;
            }
        }
        stopping.onTrainEnd(context);
        return -1;
    }

    @Test
    void stopsAfterPatienceEpochsWithoutImprovementAndRestoresTheBest() {
        var context = new FakeContext();
        var stopping = new EarlyStopping("val_loss", 2).restoreBest();
        int stopped = run(stopping, context, "val_loss", 1.0, 0.8, 0.9, 0.95, 0.7);
        assertThat(stopped).isEqualTo(3);
        assertThat(stopping.bestEpoch()).isEqualTo(1);
        assertThat(context.reason).contains("val_loss has not improved for 2 epochs").contains("epoch 2");
        assertThat(context.model.parameters().get(0).value().item()).isEqualTo(1f);
    }

    @Test
    void minDeltaAndMaxModeDecideWhatCountsAsBetter() {
        var context = new FakeContext();
        int stopped = run(new EarlyStopping("val_loss", 2).minDelta(0.1), context, "val_loss", 1.0, 0.95, 0.91, 0.5);
        assertThat(stopped).isEqualTo(2);
        var accuracy = new FakeContext();
        int notStopped = run(new EarlyStopping("val_accuracy", 1), accuracy, "val_accuracy", 0.5, 0.6, 0.7);
        assertThat(notStopped).isEqualTo(-1);
    }

    @Test
    void withoutRestoreTheLastWeightsStay() {
        var context = new FakeContext();
        run(new EarlyStopping("loss", 1), context, "loss", 1.0, 2.0);
        assertThat(context.model.parameters().get(0).value().item()).isEqualTo(1f);
    }

    @Test
    void aMissingMonitoredValueIsExplained() {
        var context = new FakeContext();
        var stopping = new EarlyStopping("val_loss", 1);
        stopping.onTrainBegin(context);
        assertThatThrownBy(() -> stopping.onEpochEnd(0, Map.of("loss", 1.0), context))
                .hasMessageContaining("'val_loss'").hasMessageContaining("give validation data");
    }
}
