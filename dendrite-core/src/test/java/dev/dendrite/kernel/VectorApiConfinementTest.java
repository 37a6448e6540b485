package dev.dendrite.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The incubating Vector API stays inside dev.dendrite.kernel, so a new backend changes one package. */
class VectorApiConfinementTest {

    @Test
    void onlyTheKernelPackageImportsTheVectorApi() throws IOException {
        Path sources = Path.of("src/main/java");
        assertThat(sources).isDirectory();
        Path kernel = sources.resolve("dev/dendrite/kernel");
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> offenders = files
                    .filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !file.getParent().equals(kernel))
                    .filter(file -> read(file).contains("jdk.incubator.vector"))
                    .toList();
            assertThat(offenders).isEmpty();
        }
        try (Stream<Path> files = Files.list(kernel)) {
            assertThat(files.anyMatch(file -> read(file).contains("import jdk.incubator.vector"))).isTrue();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
