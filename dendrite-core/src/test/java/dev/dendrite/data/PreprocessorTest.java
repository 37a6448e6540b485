package dev.dendrite.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.tensor.Tensor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PreprocessorTest {

    /** Rows (1, 10), (2, 20), (3, 30), (4, 40) and a constant third feature 5. */
    private static TensorDataset table() {
        return new TensorDataset(Tensor.of(new float[][] {{1, 10, 5}, {2, 20, 5}, {3, 30, 5}, {4, 40, 5}}),
                Tensor.of(0f, 1f, 0f, 1f));
    }

    private static float[] all(Dataset data) {
        return data.batch(Permutations.identity(data.size())).features().data();
    }

    @Test
    void standardScalerGivesZeroMeanUnitVarianceOnTheTrainingData() {
        StandardScaler scaler = StandardScaler.fit(table());
        assertThat(scaler.mean().data()).containsExactly(2.5f, 25f, 5f);
        assertThat(scaler.std().data()[0]).isCloseTo((float) Math.sqrt(1.25), within(1e-6f));
        assertThat(scaler.std().data()[2]).isEqualTo(1f);
        float[] z = all(scaler.transform(table()));
        assertThat(z[0]).isCloseTo(-1.5f / (float) Math.sqrt(1.25), within(1e-6f));
        assertThat(z[1]).isCloseTo(z[0], within(1e-6f));
        assertThat(z[2]).isZero();
        float[] one = new float[3];
        scaler.transform(table()).features(3, one, 0);
        assertThat(one[0]).isCloseTo(1.5f / (float) Math.sqrt(1.25), within(1e-6f));
    }

    @Test
    void scalersFitOnTheTrainingSplitOnly() {
        TensorDataset data = table();
        Split split = new Split(new Subset(data, new int[] {0, 1}), new Subset(data, new int[] {2}),
                new Subset(data, new int[] {3}));
        MinMaxScaler scaler = MinMaxScaler.fit(split.train());
        assertThat(scaler.min().data()).containsExactly(1f, 10f, 5f);
        assertThat(scaler.max().data()).containsExactly(2f, 20f, 5f);
        assertThat(all(scaler.transform(split.test()))).containsExactly(3f, 3f, 0f);
        assertThat(all(scaler.transform(split.train()))).containsExactly(0f, 0f, 0f, 1f, 1f, 0f);
    }

    @Test
    void restoresFromKindAndState() {
        StandardScaler scaler = StandardScaler.fit(table());
        Preprocessor restored = Preprocessor.restore(scaler.kind(), scaler.state());
        Tensor batch = Tensor.of(new float[][] {{7, -3, 5}});
        assertThat(restored.transform(batch).data()).containsExactly(scaler.transform(batch).data());
        MinMaxScaler minMax = MinMaxScaler.fit(table());
        assertThat(Preprocessor.restore("minmax", minMax.state()).transform(batch).data())
                .containsExactly(minMax.transform(batch).data());
        assertThatThrownBy(() -> Preprocessor.restore("robust", scaler.state()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown preprocessor kind");
        assertThatThrownBy(() -> Preprocessor.restore("standard", minMax.state()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 'mean'");
    }

    @Test
    void shapeMismatchIsNamed() {
        StandardScaler scaler = StandardScaler.fit(table());
        assertThatThrownBy(() -> scaler.transform(Datasets.indexed(3, 2)))
                .hasMessageContaining("[3]").hasMessageContaining("[1]");
    }

    @Test
    void missingValuesAreImputedWithTheTrainingMeanAndScalersRefuseNaN() throws Exception {
        Path file = java.nio.file.Files.createTempFile("gaps", ".csv");
        try {
            java.nio.file.Files.writeString(file, "a,b,y\n1,2,0\n3,,1\n5,6,0\n100,,1\n");
            CsvDataset data = Csv.read(file).missing(MissingValues.KEEP).load();
            assertThatThrownBy(() -> StandardScaler.fit(data)).hasMessageContaining("MeanImputer");
            Subset train = new Subset(data, new int[] {0, 1, 2});
            MeanImputer imputer = MeanImputer.fit(train);
            assertThat(imputer.mean().data()).containsExactly(3f, 4f);
            Dataset filled = imputer.transform(data);
            assertThat(all(filled)).containsExactly(1, 2, 3, 4, 5, 6, 100, 4);
            assertThat(StandardScaler.fit(filled).mean().data()[1]).isEqualTo(4f);
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
