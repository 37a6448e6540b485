package dev.dendrite.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitsTest {

    private static Set<Integer> ids(Dataset part) {
        Set<Integer> ids = new HashSet<>();
        float[] f = new float[1];
        for (int i = 0; i < part.size(); i++) {
            part.features(i, f, 0);
            ids.add((int) f[0]);
        }
        return ids;
    }

    private static int count(Dataset part, int label) {
        return (int) Arrays.stream(Labels.of(part, "test")).filter(l -> l == label).count();
    }

    @Test
    void randomSplitPartitionsTheExamples() {
        var split = Splits.random(Datasets.indexed(100, 2), 0.7, 0.2, 0.1, 7);
        assertThat(split.train().size()).isEqualTo(70);
        assertThat(split.validation().size()).isEqualTo(20);
        assertThat(split.test().size()).isEqualTo(10);
        Set<Integer> all = new HashSet<>(ids(split.train()));
        all.addAll(ids(split.validation()));
        all.addAll(ids(split.test()));
        assertThat(all).hasSize(100);
        assertThat(ids(split.validation())).isNotEqualTo(ids(Splits.random(Datasets.indexed(100, 2), 0.7, 0.2, 0.1, 8)
                .validation()));
        assertThat(ids(split.validation())).isEqualTo(ids(Splits.random(Datasets.indexed(100, 2), 0.7, 0.2, 0.1, 7)
                .validation()));
    }

    @Test
    void stratifiedSplitKeepsClassShares() {
        // 90 of class 0, 10 of class 1: a random 10% test part could easily hold no class 1 at all.
        float[] x = new float[100];
        float[] y = new float[100];
        for (int i = 0; i < 100; i++) {
            x[i] = i;
            y[i] = i < 90 ? 0 : 1;
        }
        var data = new TensorDataset(dev.dendrite.tensor.Tensor.wrap(x, 100, 1), dev.dendrite.tensor.Tensor.wrap(y, 100));
        for (long seed = 0; seed < 5; seed++) {
            var split = Splits.stratified(data, 0.8, 0.1, 0.1, seed);
            assertThat(count(split.test(), 1)).isEqualTo(1);
            assertThat(count(split.validation(), 1)).isEqualTo(1);
            assertThat(count(split.train(), 1)).isEqualTo(8);
            assertThat(count(split.train(), 0)).isEqualTo(72);
        }
    }

    @Test
    void twoWaySplitHasNoTestPart() {
        var split = Splits.split(Datasets.indexed(10, 2), 0.9, 1);
        assertThat(split.train().size()).isEqualTo(9);
        assertThat(split.validation().size()).isEqualTo(1);
        assertThat(split.test().size()).isZero();
        var again = new Split(Datasets.indexed(20, 2), Datasets.indexed(0, 2), Datasets.indexed(5, 2)).split(0.75, 3);
        assertThat(again.train().size()).isEqualTo(15);
        assertThat(again.validation().size()).isEqualTo(5);
        assertThat(again.test().size()).isEqualTo(5);
    }

    @Test
    void rejectsBadFractionsAndNonClassTargets() {
        assertThatThrownBy(() -> Splits.random(Datasets.indexed(10, 2), 0.8, 0.3, 0.1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum to 1");
        var regression = new TensorDataset(dev.dendrite.tensor.Tensor.of(1f, 2f, 3f).reshape(3, 1),
                dev.dendrite.tensor.Tensor.of(0.5f, 1f, 2f));
        assertThatThrownBy(() -> Splits.stratified(regression, 0.5, 0.5, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("class indices");
    }
}
