package dev.dendrite.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dendrite.nn.Linear;
import dev.dendrite.nn.Parameter;
import dev.dendrite.nn.Sequential;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM killed in the middle of a save leaves the previous file loadable. */
class AtomicSaveTest {

    private static final int SIZE = 2048;

    @TempDir
    Path dir;

    @Test
    void killingTheSavingProcessMidWriteLeavesTheOldFileIntact() throws Exception {
        Path target = dir.resolve("model.dendrite");
        Sequential previous = new Sequential(new Linear(4, 4));
        previous.parameters().forEach(parameter -> parameter.value().fill(7f));
        previous.save(target);

        Process child = startSaveLoop(target);
        try {
            Path temporary = awaitPartialTemporaryFile(child);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child died").isTrue();
            assertThat(temporary).as("killed while a save was in flight").exists();
        } finally {
            child.destroyForcibly();
        }

        Model loaded = Model.load(target);
        List<Parameter> parameters = loaded.module().parameters();
        float expected = parameters.get(0).size() == 16 ? 7f : 3f;
        for (Parameter parameter : parameters) {
            for (float value : parameter.value().data()) {
                assertThat(value).isEqualTo(expected);
            }
        }
    }

    private Process startSaveLoop(Path target) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), SaveLoop.class.getName(), target.toString(), Integer.toString(SIZE))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
    }

    /** Waits until a temporary file of the save in flight has some bytes but not all of them. */
    private Path awaitPartialTemporaryFile(Process child) throws Exception {
        long complete = 4L * SIZE * SIZE;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new AssertionError("the child exited early: " + Files.readString(dir.resolve("child.log")));
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                    long size = sizeOrZero(file);
                    if (size > 0 && size < complete) {
                        return file;
                    }
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no save in flight was seen within 120 s: " + Files.readString(dir.resolve("child.log")));
    }

    private static long sizeOrZero(Path file) {
        File plain = file.toFile();
        return plain.length();
    }
}
