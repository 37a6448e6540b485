package dev.dendrite.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The flow user code follows, on the shipped example: read, split, scale, batch. */
class BreastCancerPipelineTest {

    @Test
    void readSplitScaleAndBatch() {
        CsvDataset data = Csv.read(Path.of("../examples/data/breast_cancer.csv")).target("diagnosis").load();
        Split split = Splits.stratified(data, 0.8, 0.1, 0.1, 42);
        assertThat(split.train().size() + split.validation().size() + split.test().size()).isEqualTo(569);
        // 212 of 569 are malignant (37%): every part keeps that share.
        for (Dataset part : new Dataset[] {split.train(), split.validation(), split.test()}) {
            double malignant = java.util.Arrays.stream(Labels.of(part, "test")).average().orElseThrow();
            assertThat(malignant).isCloseTo(212.0 / 569, within(0.02));
        }
        StandardScaler scaler = StandardScaler.fit(split.train());
        Dataset train = scaler.transform(split.train());
        double sum = 0;
        int rows = 0;
        for (Batch batch : DataLoader.of(train).batchSize(64).shuffle(42).epoch(0)) {
            for (int i = 0; i < batch.size(); i++) {
                sum += batch.features().data()[i * 30];
                rows++;
            }
        }
        assertThat(rows).isEqualTo(split.train().size());
        assertThat(sum / rows).isCloseTo(0, within(1e-4));
        assertThat(train.classNames()).containsExactly("benign", "malignant");
    }
}
