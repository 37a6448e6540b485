package dev.dendrite.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paired end-to-end mode: the child's spec, the pacing hand-shake with a real child JVM, and the per-pair ratios. */
class PairedRunTest {

    @Test
    void aSpecSurvivesTheTripToTheChildPacedOrNot() {
        for (boolean paced : new boolean[] {false, true}) {
            RunSpec spec = new RunSpec(RunSpec.PYTORCH, 32, 2, 1, 3, 7, Path.of("/data"), 100, 2, paced);
            assertThat(RunSpec.parse(RunSpec.PYTORCH, spec.toArgs().toArray(String[]::new))).isEqualTo(spec);
        }
    }

    @Test
    void eachEpochIsComparedWithItsPartnerOfTheSameRun() {
        List<RunResult> dendrite = List.of(result(RunSpec.DENDRITE, 1.0, 2.0), result(RunSpec.DENDRITE, 4.0, 5.0));
        List<RunResult> pytorch = List.of(result(RunSpec.PYTORCH, 3.0, 3.0), result(RunSpec.PYTORCH, 6.0, 20.0));
        assertThat(TrainingBenchmark.epochRatios(dendrite, pytorch)).containsExactly(3.0, 1.5, 1.5, 4.0);
    }

    @Test
    void inferenceSlicesAreComparedWithTheirPartnersAndSurviveTheTripToTheParent() {
        List<RunResult> dendrite = List.of(inference(RunSpec.DENDRITE, 60, 80), inference(RunSpec.DENDRITE, 90));
        List<RunResult> pytorch = List.of(inference(RunSpec.PYTORCH, 10, 40), inference(RunSpec.PYTORCH, 10));
        assertThat(TrainingBenchmark.sliceRatios(dendrite, pytorch, RunResult::singleSlices))
                .containsExactly(2.0, 6.0, 9.0);
        RunResult parsed = RunResult.parse(dendrite.getFirst().toLine());
        assertThat(parsed.singleSlices()).containsExactly(60, 80);
        assertThat(parsed.bulkSlices()).isEmpty();
        assertThat(RunResult.parse(result(RunSpec.PYTORCH, 1.0).toLine()).singleSlices()).isEmpty();
    }

    @Test
    void aPacedChildWaitsForEachTurnAndThenReportsItsResult(@TempDir Path dir) throws Exception {
        PacedChild child = PacedChild.start(new ProcessBuilder(), javaCommand("2"), dir.resolve("child.log"));
        try {
            child.awaitReady();
            Thread.sleep(300);
            assertThat(Files.readString(dir.resolve("child.log"))).doesNotContain("turn 0"); // it waits for go()
            for (int turn = 0; turn < 2; turn++) {
                child.go();
                child.awaitReady();
            }
            child.go();
            RunResult result = child.awaitResult();
            assertThat(result.epochSeconds()).containsExactly(0.5, 0.25);
            assertThat(child.awaitResult()).isSameAs(result); // asking again does not block
            assertThat(Files.readString(dir.resolve("child.log"))).contains("turn 0", "turn 1", Pacer.READY);
        } finally {
            child.destroy();
        }
    }

    @Test
    void aChildThatDiesBeforeItsTurnIsReportedWithItsLog(@TempDir Path dir) throws Exception {
        PacedChild child = PacedChild.start(new ProcessBuilder(), javaCommand("fail"), dir.resolve("child.log"));
        try {
            assertThatThrownBy(child::awaitReady).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("child.log").hasMessageContaining("exited before it was ready")
                    .hasMessageContaining("no data here");
        } finally {
            child.destroy();
        }
    }

    private static List<String> javaCommand(String arg) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FakePacedChild.class.getName());
        command.add(arg);
        return command;
    }

    private static RunResult inference(String framework, double... singleSlices) {
        return new RunResult(framework, 128, 2, new double[] {1}, new double[] {1}, 0.9, 0.3,
                RunResult.median(singleSlices), Double.NaN, 1000, "test", singleSlices, new double[0]);
    }

    private static RunResult result(String framework, double... epochs) {
        return new RunResult(framework, 128, 2, epochs, epochs, 0.9, 0.3, Double.NaN, Double.NaN, 1000, "test");
    }
}
