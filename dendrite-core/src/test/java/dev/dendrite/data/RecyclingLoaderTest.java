package dev.dendrite.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dendrite.tensor.Tensor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * A recycling loader gives the same batches as a plain one, batch by batch, while reusing a few
 * arrays: a consumer that reads each batch before taking the next sees exactly what it would see
 * without recycling, whatever the prefetch depth and however the dataset is wrapped.
 */
class RecyclingLoaderTest {

    /** Every batch's values, copied as the batch is taken, and the distinct feature arrays seen. */
    private record Seen(List<float[]> features, List<float[]> targets, Set<float[]> arrays) {
    }

    private static Seen consume(Iterable<Batch> batches) {
        Seen seen = new Seen(new ArrayList<>(), new ArrayList<>(), Collections.newSetFromMap(new IdentityHashMap<>()));
        for (Batch batch : batches) {
            seen.features().add(batch.features().toArray());
            seen.targets().add(batch.targets().toArray());
            seen.arrays().add(batch.features().data());
            Thread.onSpinWait(); // the producer may run ahead meanwhile
        }
        return seen;
    }

    private static void assertSameBatches(Seen actual, Seen expected) {
        assertThat(actual.features()).hasSameSizeAs(expected.features());
        for (int b = 0; b < expected.features().size(); b++) {
            assertThat(actual.features().get(b)).as("features of batch %d", b).isEqualTo(expected.features().get(b));
            assertThat(actual.targets().get(b)).as("targets of batch %d", b).isEqualTo(expected.targets().get(b));
        }
    }

    @Test
    void recycledBatchesEqualFreshOnesAtEveryPrefetchDepth() {
        Dataset data = Datasets.indexed(103, 7);
        for (int prefetch : new int[] {0, 1, 2, 4}) {
            DataLoader plain = DataLoader.of(data).batchSize(8).shuffle(3).prefetch(prefetch);
            Seen fresh = consume(plain.epoch(1));
            Seen recycled = consume(plain.recycle(true).epoch(1));
            assertSameBatches(recycled, fresh);
            // 13 batches, the last one smaller: at most prefetch + 2 arrays for the full ones, one for the last.
            assertThat(recycled.arrays()).as("prefetch %d", prefetch).hasSizeLessThanOrEqualTo(prefetch + 3);
            assertThat(fresh.arrays()).hasSize(13);
        }
    }

    @Test
    void subsetsAndScaledDataRecycleToo() {
        TensorDataset table = Datasets.indexed(60, 4);
        int[] picked = new int[40];
        for (int i = 0; i < picked.length; i++) {
            picked[i] = (i * 7) % 60;
        }
        Dataset subset = new Subset(table, picked);
        Dataset scaled = StandardScaler.fit(table).transform(subset);
        for (Dataset data : List.of(subset, scaled)) {
            DataLoader loader = DataLoader.of(data).batchSize(6).shuffle(9).prefetch(2);
            assertSameBatches(consume(loader.recycle(true).epoch(0)), consume(loader.epoch(0)));
        }
    }

    @Test
    void byteImagesFillTheGivenArrays() {
        byte[] pixels = new byte[5 * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 13);
        }
        var images = new ByteImageDataset(pixels, new int[] {0, 1, 2, 1, 0}, dev.dendrite.tensor.Shape.of(4),
                List.of("a", "b", "c"));
        float[] features = new float[3 * 4];
        float[] targets = new float[3];
        Batch batch = images.batch(new int[] {4, 0, 2}, features, targets);
        assertThat(batch.features().data()).isSameAs(features);
        assertThat(batch.targets().toArray()).containsExactly(0f, 0f, 2f);
        Tensor expected = images.batch(new int[] {4, 0, 2}).features();
        assertThat(features).isEqualTo(expected.toArray());
    }
}
