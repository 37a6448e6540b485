package dev.dendrite.tensor;

import static dev.dendrite.autograd.GradAssert.assertGradients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class IndexOpsTest {

    private final RandomGenerator random = Tensor.generator(5);

    @Test
    void indexSelectMatchesLoopsAndHasGradients() {
        for (int trial = 0; trial < 15; trial++) {
            int[] dims = Fixtures.randomDims(random, 1, 4);
            int axis = random.nextInt(-dims.length, dims.length);
            int a = Math.floorMod(axis, dims.length);
            int[] indices = random.ints(random.nextInt(1, 6), 0, dims[a]).toArray();
            Tensor x = Tensor.randn(random, dims).requiresGrad(true);
            Tensor picked = x.indexSelect(axis, indices);
            int[] outDims = dims.clone();
            outDims[a] = indices.length;
            assertThat(picked.dims()).containsExactly(outDims);
            for (int flat = 0; flat < picked.size(); flat++) {
                int[] index = Fixtures.coordinates(outDims, flat);
                float value = picked.get(index);
                index[a] = indices[index[a]];
                assertThat(value).isEqualTo(x.get(index));
            }
            assertGradients(in -> in[0].indexSelect(axis, indices), x);
        }
    }

    @Test
    void indexSelectAddsTheGradientsOfRepeatedIndices() {
        Tensor x = Tensor.of(new float[][] {{1, 2}, {3, 4}, {5, 6}}).requiresGrad(true);
        Tensor rows = x.indexSelect(0, 2, 0, 2, 2);
        assertThat(rows.toArray()).containsExactly(5, 6, 1, 2, 5, 6, 5, 6);
        rows.backward(Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 4, 2));
        assertThat(x.grad().toArray()).containsExactly(3, 4, 0, 0, 13, 16);
        assertThat(x.indexSelect(-1, 1).toArray()).containsExactly(2, 4, 6);
        assertThat(x.indexSelect(0).dims()).containsExactly(0, 2);
    }

    @Test
    void indexSelectOutOfRangeNamesTheIndexAndTheAxis() {
        Tensor x = Tensor.zeros(3, 2);
        assertThatThrownBy(() -> x.indexSelect(0, 1, 3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("indexSelect: index 3 at position 1 is out of range for axis 0 of size 3 (shape [3, 2])");
        assertThatThrownBy(() -> x.indexSelect(1, -1)).hasMessageStartingWith("indexSelect: index -1 at position 0");
        assertThatThrownBy(() -> x.indexSelect(2, 0)).hasMessage("indexSelect: axis 2 is out of range for shape [3, 2]");
    }

    @Test
    void gatherMatchesLoopsAndHasGradients() {
        for (int trial = 0; trial < 15; trial++) {
            int[] dims = Fixtures.randomDims(random, 1, 4);
            int axis = random.nextInt(-dims.length, dims.length);
            int a = Math.floorMod(axis, dims.length);
            int[] indexDims = new int[dims.length];
            for (int d = 0; d < dims.length; d++) {
                indexDims[d] = d == a ? random.nextInt(1, 5) : random.nextInt(1, dims[d] + 1);
            }
            Tensor index = Tensor.zeros(indexDims);
            for (int i = 0; i < index.size(); i++) {
                index.data()[i] = random.nextInt(dims[a]);
            }
            Tensor x = Tensor.randn(random, dims).requiresGrad(true);
            Tensor gathered = x.gather(axis, index);
            assertThat(gathered.dims()).containsExactly(indexDims);
            for (int flat = 0; flat < gathered.size(); flat++) {
                int[] position = Fixtures.coordinates(indexDims, flat);
                float value = gathered.get(position);
                position[a] = (int) index.data()[flat];
                assertThat(value).isEqualTo(x.get(position));
            }
            assertGradients(in -> in[0].gather(axis, index), x);
        }
    }

    @Test
    void gatherPicksPerRowAndScatterAddsItsGradient() {
        Tensor x = Tensor.of(new float[][] {{1, 2}, {3, 4}}).requiresGrad(true);
        Tensor index = Tensor.of(new float[][] {{0, 0}, {1, 0}});
        Tensor picked = x.gather(1, index);
        assertThat(picked.toArray()).containsExactly(1, 1, 4, 3);
        picked.backward(Tensor.of(new float[][] {{1, 10}, {100, 1000}}));
        assertThat(x.grad().toArray()).containsExactly(11, 0, 1000, 100);
        assertThat(x.gather(0, Tensor.of(new float[][] {{1, 0}})).toArray()).containsExactly(3, 2);
        assertThat(picked.requiresGrad()).isTrue();
    }

    @Test
    void gatherErrorsNameTheIndexAndTheDimension() {
        Tensor x = Tensor.zeros(2, 2);
        assertThatThrownBy(() -> x.gather(1, Tensor.of(new float[][] {{0, 1}, {5, 0}})))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("gather: index 5 at position [1, 0] is out of range for axis 1 of size 2 (input shape [2, 2])");
        assertThatThrownBy(() -> x.gather(-1, Tensor.of(new float[][] {{-1}})))
                .hasMessage("gather: index -1 at position [0, 0] is out of range for axis -1 of size 2 (input shape [2, 2])");
        assertThatThrownBy(() -> x.gather(0, Tensor.of(new float[][] {{0.5f}})))
                .hasMessage("gather: index 0.5 at position [0, 0] is not an integer for axis 0 of size 2 (input shape [2, 2])");
        assertThatThrownBy(() -> x.gather(0, Tensor.of(0, 1))).isInstanceOf(ShapeMismatchException.class)
                .hasMessage("gather: index of shape [2] must have the rank of the input [2, 2]");
        assertThatThrownBy(() -> x.gather(0, Tensor.zeros(1, 3)))
                .hasMessage("gather: index of shape [1, 3] is larger than the input [2, 2] along axis 1");
        assertThatThrownBy(() -> x.gather(2, Tensor.zeros(1, 1))).hasMessage("gather: axis 2 is out of range for shape [2, 2]");
    }

    @Test
    void oneHotMarksEachLabel() {
        Tensor hot = Tensor.oneHot(new int[] {2, 0, 1, 2}, 3);
        assertThat(hot.dims()).containsExactly(4, 3);
        assertThat(hot.toArray()).containsExactly(0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1);
        assertThat(hot.requiresGrad()).isFalse();
        assertThat(Tensor.oneHot(new int[0], 5).dims()).containsExactly(0, 5);
        assertThatThrownBy(() -> Tensor.oneHot(new int[] {0, 3}, 3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("oneHot: label 3 at position 1 is out of range for 3 classes");
        assertThatThrownBy(() -> Tensor.oneHot(new int[] {-1}, 3)).hasMessage("oneHot: label -1 at position 0 is out of range for 3 classes");
        assertThatThrownBy(() -> Tensor.oneHot(new int[] {0}, 0)).hasMessage("oneHot: classes must be >= 1, got 0");
    }
}
