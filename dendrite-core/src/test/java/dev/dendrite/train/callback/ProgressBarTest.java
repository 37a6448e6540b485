package dev.dendrite.train.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dendrite.nn.Linear;
import dev.dendrite.nn.Module;
import dev.dendrite.train.History;
import dev.dendrite.train.TrainingContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static TrainingContext context(History history) {
        return new TrainingContext() {
            private final Module model = new Linear(1, 1);
            @Override public Module model() { return model; }
            @Override public History history() { return history; }
            @Override public int epochs() { return 2; }
            @Override public int batchesPerEpoch() { return 4; }
            @Override public int batchSize() { return 32; }
            @Override public double learningRate() { return 0.01; }
            @Override public void setLearningRate(double learningRate) { }
            @Override public void stopTraining(String reason) { }
            @Override public boolean stopRequested() { return false; }
        };
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlaceAndShowsTheLastBatch() {
        var out = new ByteArrayOutputStream();
        var bar = new ProgressBar(new PrintStream(out, true, StandardCharsets.UTF_8), true);
        var history = new History();
        var context = context(history);
        bar.onEpochBegin(0, context);
        for (int batch = 0; batch < 4; batch++) {
            bar.onBatchEnd(0, batch, Map.of("loss", 0.5), context);
        }
        bar.onEpochEnd(0, Map.of("loss", 0.5, "val_loss", 0.6), context);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("\rEpoch 1/2 [").contains("4/4 - loss 0.5000").contains("ETA 0:00");
        assertThat(printed).contains("=".repeat(30)).contains("val_loss 0.6000");
        assertThat(printed.chars().filter(c -> c == '\n').count()).as("newlines").isEqualTo(1);
    }

    @Test
    void elsewhereOnlyOneLinePerEpochAndTheStopReason() {
        var out = new ByteArrayOutputStream();
        var bar = new ProgressBar(new PrintStream(out, true, StandardCharsets.UTF_8), false);
        var history = new History();
        var context = context(history);
        for (int epoch = 0; epoch < 2; epoch++) {
            bar.onEpochBegin(epoch, context);
            bar.onBatchEnd(epoch, 0, Map.of("loss", 1.0), context);
            bar.onEpochEnd(epoch, Map.of("loss", 1.0), context);
        }
        history.stopReason("early stopping after epoch 2");
        bar.onTrainEnd(context);
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
                .hasSize(3).last().isEqualTo("early stopping after epoch 2");
    }
}
