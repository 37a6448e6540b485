package dev.dendrite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dendrite.cli.DendriteCliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --schedule}: the learning rate per epoch in history.csv, and bad specs as usage errors. */
class ScheduleCliTest {

    /** The lr column of the only run's history.csv under {@code runs}. */
    private static double[] learningRates(Path runs) throws IOException {
        Path runDir;
        try (Stream<Path> list = Files.list(runs)) {
            runDir = list.findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(runDir.resolve("history.csv"));
        int column = List.of(lines.get(0).split(",")).indexOf("lr");
        assertThat(column).as("lr column in %s", lines.get(0)).isNotNegative();
        return lines.stream().skip(1).mapToDouble(line -> Double.parseDouble(line.split(",")[column])).toArray();
    }

    private static Result train(Path runs, String schedule, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--layers", "8", "--epochs", "5", "--patience", "100",
                "--optimizer", "sgd", "--lr", "0.1", "--schedule", schedule, "--out", runs.toString()));
        args.addAll(List.of(more));
        return DendriteCliTest.run(args.toArray(String[]::new));
    }

    @Test
    void stepHalvesTheRateEveryTwoEpochs(@TempDir Path dir) throws IOException {
        Result result = train(dir, "step:2:0.5");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("schedule step:2:0.5");
        // Logged at the end of each epoch, before the schedule steps: the rate that epoch trained with.
        assertThat(learningRates(dir)).containsExactly(new double[] {0.1, 0.1, 0.05, 0.05, 0.025},
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void cosineAnnealsOverTheRunAndExponentialDecaysEachEpoch(@TempDir Path dir) throws IOException {
        assertThat(train(dir.resolve("cos"), "cosine").exitCode()).isZero();
        double[] cosine = learningRates(dir.resolve("cos"));
        for (int e = 0; e < cosine.length; e++) {
            assertThat(cosine[e]).isCloseTo(0.05 * (1 + Math.cos(Math.PI * e / 5)), org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(train(dir.resolve("exp"), "exponential:0.9").exitCode()).isZero();
        double[] exponential = learningRates(dir.resolve("exp"));
        for (int e = 0; e < exponential.length; e++) {
            assertThat(exponential[e]).isCloseTo(0.1 * Math.pow(0.9, e), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void oneCycleRisesThenFallsWithinAnEpoch(@TempDir Path dir) throws IOException {
        assertThat(train(dir, "onecycle:0.2").exitCode()).isZero();
        double[] lr = learningRates(dir);
        // Stepped every batch: the end-of-epoch rates rise to the peak (30% of the run) and then fall
        // far below the start (the final rate is max / (25 * 1e4)).
        assertThat(lr[1]).isGreaterThan(lr[0]);
        assertThat(lr[4]).isLessThan(lr[2]).isLessThan(0.01);
    }

    @Test
    void badSchedulesAreUsageErrorsThatWriteNoRun(@TempDir Path dir) {
        for (String bad : List.of("warmup", "step", "step:0", "step:2:-1", "exponential", "multistep:5,3", "plateau:x",
                "plateau:3:2", "cosine:1:2")) {
            Result result = train(dir.resolve("runs"), bad);
            assertThat(result.exitCode()).as(bad).isEqualTo(2);
            assertThat(result.err()).as(bad).contains("--schedule " + bad + ":", "expected none, step:SIZE");
        }
        assertThat(dir.resolve("runs")).doesNotExist();
    }
}
