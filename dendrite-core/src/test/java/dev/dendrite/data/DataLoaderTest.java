package dev.dendrite.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dendrite.tensor.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataLoaderTest {

    private static List<Integer> seen(Iterable<Batch> batches) {
        List<Integer> ids = new ArrayList<>();
        for (Batch batch : batches) {
            for (float f : batch.features().data()) {
                ids.add((int) f);
            }
        }
        return ids;
    }

    @Test
    void unshuffledBatchesKeepOrderAndTheLastIsSmaller() {
        var loader = DataLoader.of(Datasets.indexed(10, 2)).batchSize(4);
        List<Batch> batches = new ArrayList<>();
        loader.epoch(0).forEach(batches::add);
        assertThat(batches).extracting(Batch::size).containsExactly(4, 4, 2);
        assertThat(batches.get(0).features().shape()).isEqualTo(Shape.of(4, 1));
        assertThat(batches.get(0).targets().shape()).isEqualTo(Shape.of(4));
        assertThat(batches.get(2).targets().data()).containsExactly(0f, 1f);
        assertThat(seen(loader.epoch(0))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(loader.batchesPerEpoch()).isEqualTo(3);
    }

    @Test
    void dropLastLeavesOutTheShortBatch() {
        var loader = DataLoader.of(Datasets.indexed(10, 2)).batchSize(4).dropLast(true);
        assertThat(seen(loader.epoch(0))).hasSize(8);
        assertThat(loader.batchesPerEpoch()).isEqualTo(2);
    }

    @Test
    void shuffleIsAPermutationFixedBySeedAndEpoch() {
        var data = Datasets.indexed(100, 3);
        var loader = DataLoader.of(data).batchSize(7).shuffle(42);
        List<Integer> first = seen(loader.epoch(0));
        assertThat(first).containsExactlyInAnyOrderElementsOf(seen(DataLoader.of(data).epoch(0)));
        assertThat(first).isNotEqualTo(seen(DataLoader.of(data).epoch(0)));
        assertThat(seen(DataLoader.of(data).batchSize(7).shuffle(42).prefetch(0).epoch(0))).isEqualTo(first);
        assertThat(seen(loader.epoch(1))).isNotEqualTo(first);
        assertThat(seen(DataLoader.of(data).batchSize(7).shuffle(43).epoch(0))).isNotEqualTo(first);
    }

    @Test
    void targetsStayWithTheirFeatures() {
        var loader = DataLoader.of(Datasets.indexed(50, 5)).batchSize(8).shuffle(1).prefetch(3);
        for (Batch batch : loader.epoch(2)) {
            for (int i = 0; i < batch.size(); i++) {
                assertThat(batch.targets().data()[i]).isEqualTo(((int) batch.features().data()[i]) % 5);
            }
        }
    }

    @Test
    void iteratingTheLoaderAdvancesTheEpoch() {
        var loader = DataLoader.of(Datasets.indexed(30, 2)).shuffle(5);
        List<Integer> a = seen(loader);
        List<Integer> b = seen(loader);
        assertThat(a).isEqualTo(seen(loader.epoch(0)));
        assertThat(b).isEqualTo(seen(loader.epoch(1)));
    }

    @Test
    void aFailureWhilePrefetchingSurfacesAtItsBatch() {
        Dataset broken = new FailingDataset(Datasets.indexed(10, 2), 6);
        var iterator = DataLoader.of(broken).batchSize(4).prefetch(2).epoch(0).iterator();
        assertThat(iterator.next().size()).isEqualTo(4);
        assertThatThrownBy(iterator::next).isInstanceOf(DataFormatException.class).hasMessageContaining("example 6");
        assertThat(iterator.hasNext()).isFalse();
    }

    @Test
    void rejectsNonsenseSettings() {
        var loader = DataLoader.of(Datasets.indexed(3, 2));
        assertThatThrownBy(() -> loader.batchSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> loader.prefetch(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Fails on one example, as a corrupt file would. */
    private record FailingDataset(Dataset base, int bad) implements Dataset {
        @Override
        public int size() {
            return base.size();
        }

        @Override
        public Shape featureShape() {
            return base.featureShape();
        }

        @Override
        public Shape targetShape() {
            return base.targetShape();
        }

        @Override
        public void features(int index, float[] destination, int offset) {
            if (index == bad) {
                throw new DataFormatException(java.nio.file.Path.of("x.png"), "example " + index + " is corrupt");
            }
            base.features(index, destination, offset);
        }

        @Override
        public void target(int index, float[] destination, int offset) {
            base.target(index, destination, offset);
        }
    }
}
