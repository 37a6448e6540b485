package dev.dendrite.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

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
}
