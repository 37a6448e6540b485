package dev.dendrite.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/** The shape table the GEMM benchmarks share. */
class GemmShapesTest {

    @Test
    void everyNameHasAShapeAndTheMlpShapesAreTheLayersProducts() {
        for (String name : GemmShapes.NAMES) {
            GemmShapes.Shape s = GemmShapes.of(name);
            assertThat((long) s.m() * s.n() * s.k()).as(name).isPositive();
        }
        assertThat(GemmShapes.of("sq1024")).isEqualTo(new GemmShapes.Shape(1024, 1024, 1024, false, false));
        // nn.Linear's forward x W^T for the 784 -> 256 layer at batch 128, and its weight gradient dY^T x.
        assertThat(GemmShapes.of("lin1.fwd")).isEqualTo(new GemmShapes.Shape(128, 256, 784, false, true));
        assertThat(GemmShapes.of("lin1.dW")).isEqualTo(new GemmShapes.Shape(256, 784, 128, true, false));
    }

    @Test
    void unknownNamesAreRefusedWithTheKnownOnes() {
        for (String bad : new String[] {"sq", "sq0", "sq99x", "fc4.fwd", ""}) {
            assertThatThrownBy(() -> GemmShapes.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown GEMM shape").hasMessageContaining("lin3.dX");
        }
    }

    @Test
    void theJmhBenchmarkRunsEveryNamedShape() throws NoSuchFieldException {
        // JMH needs the names as a compile-time constant, so GemmBenchmark repeats them.
        Param param = GemmBenchmark.class.getField("shape").getAnnotation(Param.class);
        assertThat(List.of(param.value())).isEqualTo(GemmShapes.NAMES);
    }

    @Test
    void theNumPyScriptHasTheSameShapes() throws IOException {
        // The Python side of gemm-vs-openblas.sh keeps its own copy of the table.
        Map<String, GemmShapes.Shape> script = pythonShapes(Path.of("scripts", "gemm_vs_openblas.py"));
        assertThat(List.copyOf(script.keySet())).isEqualTo(GemmShapes.NAMES);
        script.forEach((name, shape) -> assertThat(shape).as(name).isEqualTo(GemmShapes.of(name)));
    }

    /** The entries {@code "name": (m, n, k, transA, transB)} of the script's SHAPES dictionary, in order. */
    private static Map<String, GemmShapes.Shape> pythonShapes(Path script) throws IOException {
        Pattern entry = Pattern.compile(
                "\\s*\"([^\"]+)\":\\s*\\((\\d+),\\s*(\\d+),\\s*(\\d+),\\s*(True|False),\\s*(True|False)\\),.*");
        Map<String, GemmShapes.Shape> shapes = new LinkedHashMap<>();
        for (String line : Files.readAllLines(script)) {
            Matcher m = entry.matcher(line);
            if (m.matches()) {
                shapes.put(m.group(1), new GemmShapes.Shape(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)), m.group(5).equals("True"), m.group(6).equals("True")));
            }
        }
        return shapes;
    }
}
