package dev.dendrite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGINT) during training stops after the batch and keeps the run. */
class InterruptTest {

    @Test
    void ctrlCDuringTrainingKeepsTheBestModelAndWritesTheReport(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), Dendrite.class.getName(),
                "train", "--epochs", "100000", "--patience", "100000", "--out", dir.toString())
                .redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
                if (line.startsWith("Epoch 3/")) {
                    // What Ctrl-C sends. (Process.destroy would also close our end of the output.)
                    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor();
                }
            }
        } finally {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        String printed = output.toString();
        assertThat(printed).contains("Interrupted: stopping after the current batch")
                .contains(GracefulStop.REASON).contains("Test metrics").contains("Run directory:");
        Path run;
        try (Stream<Path> runs = Files.list(dir)) {
            run = runs.findFirst().orElseThrow();
        }
        assertThat(run.resolve("model.dendrite")).exists();
        assertThat(run.resolve("report.html")).exists();
        assertThat(Files.readAllLines(run.resolve("history.csv")).size()).isBetween(4, 100);
    }
}
