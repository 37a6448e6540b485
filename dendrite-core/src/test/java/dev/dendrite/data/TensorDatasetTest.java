package dev.dendrite.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dendrite.tensor.ShapeMismatchException;
import dev.dendrite.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorDatasetTest {

    private static final Tensor FEATURES = Tensor.wrap(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
    private static final Tensor TARGETS = Tensor.wrap(new float[] {0, 1, 0}, 3);

    @Test
    void keepsClassNamesAndRows() {
        var data = new TensorDataset(FEATURES, TARGETS, List.of("healthy", "sick"));
        assertThat(data.size()).isEqualTo(3);
        assertThat(data.classNames()).containsExactly("healthy", "sick");
        assertThat(new TensorDataset(FEATURES, TARGETS).classNames()).isEmpty();
    }

    @Test
    void nullClassNamesSayWhatToUseInstead() {
        assertThatThrownBy(() -> new TensorDataset(FEATURES, TARGETS, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("classNames is null")
                .hasMessageContaining("new TensorDataset(features, targets)");
    }

    @Test
    void rowCountsMustAgree() {
        assertThatThrownBy(() -> new TensorDataset(FEATURES, Tensor.wrap(new float[] {0, 1}, 2)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("[3, 2]")
                .hasMessageContaining("[2]");
    }
}
