package dev.dendrite.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dendrite.data.Batch;
import dev.dendrite.data.Dataset;
import dev.dendrite.data.TensorDataset;
import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line's dataset views: class indices matched to a model's, images as flat rows. */
class DatasetViewsTest {

    private static final int[] ALL = {0, 1, 2};

    /** Three one-value examples of classes b, a, b (indices 0, 1, 0 of the data's own class list). */
    private static Dataset classesBA() {
        return new TensorDataset(Tensor.wrap(new float[] {10, 11, 12}, 3, 1), Tensor.wrap(new float[] {0, 1, 0}, 3),
                List.of("b", "a"));
    }

    @Test
    void relabelledGivesTheModelsClassIndicesInEveryWayOfReading() {
        Dataset data = Relabelled.toModel(classesBA(), List.of("a", "b", "c"), Path.of("test"));
        assertThat(data.classNames()).containsExactly("a", "b", "c");
        float[] one = new float[1];
        data.target(1, one, 0);
        assertThat(one[0]).isEqualTo(0f);
        assertThat(data.batch(ALL).targets().toArray()).containsExactly(1f, 0f, 1f);
        assertThat(data.batch(ALL, new float[3], new float[3]).targets().toArray()).containsExactly(1f, 0f, 1f);
        assertThat(data.batch(ALL).features().toArray()).containsExactly(10f, 11f, 12f);
    }

    @Test
    void relabellingToAModelWithoutOneOfTheClassesNamesIt() {
        assertThatThrownBy(() -> Relabelled.toModel(classesBA(), List.of("a", "c"), Path.of("test")))
                .isInstanceOf(CliException.class).hasMessageContaining("'b'").hasMessageContaining("a, c");
    }

    @Test
    void flatImagesAreRowsOfEveryPixelInEveryWayOfReading() {
        float[] pixels = new float[2 * 2 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i;
        }
        Dataset images = new TensorDataset(Tensor.wrap(pixels, 2, 1, 2, 3), Tensor.wrap(new float[] {0, 1}, 2));
        Dataset flat = new FlatImages(images);
        assertThat(flat.featureShape()).isEqualTo(Shape.of(6));
        for (Batch batch : List.of(flat.batch(new int[] {1, 0}), flat.batch(new int[] {1, 0}, new float[12], new float[2]))) {
            assertThat(batch.features().dims()).containsExactly(2, 6);
            assertThat(batch.features().toArray()).containsExactly(6, 7, 8, 9, 10, 11, 0, 1, 2, 3, 4, 5);
        }
    }
}
