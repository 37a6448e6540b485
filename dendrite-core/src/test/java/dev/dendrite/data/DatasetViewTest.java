package dev.dendrite.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Views that pass calls through to a base dataset and change only what they override. */
class DatasetViewTest {

    private static final int[] PICK = {4, 0, 2};

    @Test
    void aViewThatOverridesNothingReadsLikeItsBase() {
        TensorDataset base = Datasets.indexed(5, 3);
        Dataset view = new DatasetView(base) { };
        assertThat(view.size()).isEqualTo(5);
        assertThat(view.featureShape()).isEqualTo(base.featureShape());
        assertThat(view.targetShape()).isEqualTo(base.targetShape());
        assertThat(view.classNames()).isEqualTo(base.classNames());
        assertThat(((DatasetView) view).base()).isSameAs(base);
        assertThat(view.batch(PICK).features().toArray()).containsExactly(base.batch(PICK).features().toArray());
        assertThat(view.batch(PICK).targets().toArray()).containsExactly(base.batch(PICK).targets().toArray());
    }

    @Test
    void batchesPassThroughAdaptLikeSingleExamplesThroughTheOverriddenReads() {
        TensorDataset base = Datasets.indexed(5, 3);
        Dataset doubled = new DatasetView(base) {
            @Override
            public void features(int index, float[] destination, int offset) {
                super.features(index, destination, offset);
                destination[offset] *= 2;
            }

            @Override
            public List<String> classNames() {
                return List.of("a", "b", "c");
            }

            @Override
            protected Batch adapt(Batch batch) {
                return new Batch(batch.features().mul(2f), batch.targets());
            }
        };
        float[] one = new float[1];
        doubled.features(4, one, 0);
        assertThat(one[0]).isEqualTo(8f);
        assertThat(doubled.classNames()).containsExactly("a", "b", "c");
        assertThat(doubled.batch(PICK).features().toArray()).containsExactly(8f, 0f, 4f);
        Batch reused = doubled.batch(PICK, new float[3], new float[3]);
        assertThat(reused.features().toArray()).containsExactly(8f, 0f, 4f);
        assertThat(reused.targets().toArray()).containsExactly(1f, 0f, 2f);
    }

    @Test
    void aViewNeedsABase() {
        assertThatThrownBy(() -> new DatasetView(null) { }).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("base");
    }
}
