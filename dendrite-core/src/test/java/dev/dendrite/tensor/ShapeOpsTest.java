package dev.dendrite.tensor;

import static dev.dendrite.autograd.GradAssert.assertGradients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ShapeOpsTest {

    private final RandomGenerator random = Tensor.generator(11);

    @Test
    void reshapeKeepsRowMajorOrderAndInfersOneDimension() {
        Tensor x = Tensor.arange(24).reshape(2, 3, 4);
        assertThat(x.get(1, 2, 3)).isEqualTo(23);
        assertThat(x.get(1, 0, 2)).isEqualTo(14);
        assertThat(x.reshape(4, -1).dims()).containsExactly(4, 6);
        assertThat(x.reshape(-1, 2, 3).dims()).containsExactly(4, 2, 3);
        assertThat(x.reshape(-1, 2, 3).get(3, 1, 0)).isEqualTo(21);
        assertThat(x.flatten().dims()).containsExactly(24);
        assertThat(x.flatten(1).dims()).containsExactly(2, 12);
        assertThat(x.flatten(-1).dims()).containsExactly(2, 3, 4);
        assertThat(x.flatten(1).get(1, 5)).isEqualTo(17);
        assertThat(Tensor.scalar(2f).flatten(0).dims()).containsExactly(1);
        assertThat(Tensor.scalar(2f).reshape(1, 1).get(0, 0)).isEqualTo(2f);
    }

    @Test
    void reshapeErrorsNameTheOpAndShapes() {
        Tensor x = Tensor.zeros(2, 3);
        assertThatThrownBy(() -> x.reshape(4, 2)).isInstanceOf(ShapeMismatchException.class)
                .hasMessage("reshape: cannot reshape [2, 3] (6 elements) to [4, 2] (8 elements)");
        assertThatThrownBy(() -> x.reshape(4, -1)).hasMessage("reshape: cannot reshape [2, 3] to [4, -1]");
        assertThatThrownBy(() -> x.reshape(-1, -1)).hasMessageContaining("reshape").hasMessageContaining("only one");
        assertThatThrownBy(() -> x.reshape(-2, -3)).isInstanceOf(ShapeMismatchException.class)
                .hasMessageContaining("reshape").hasMessageContaining("[2, 3]");
        assertThatThrownBy(() -> x.flatten(2)).hasMessage("flatten: axis 2 is out of range for shape [2, 3]");
    }

    @Test
    void reshapeSqueezeUnsqueezeFlattenPassGradientsThrough() {
        Tensor x = Tensor.randn(random, 2, 1, 3).requiresGrad(true);
        assertGradients(in -> in[0].reshape(3, -1), x);
        assertGradients(in -> in[0].flatten(), x);
        assertGradients(in -> in[0].squeeze(), x);
        assertGradients(in -> in[0].squeeze(-2), x);
        assertGradients(in -> in[0].unsqueeze(-1), x);
        assertGradients(in -> in[0].unsqueeze(0).reshape(6).mul(in[0].flatten()), x);
        assertThat(x.reshape(6).gradFn().op()).isEqualTo("reshape");
        assertThat(x.squeeze().gradFn().op()).isEqualTo("squeeze");
        assertThat(x.unsqueeze(0).gradFn().op()).isEqualTo("unsqueeze");
    }

    @Test
    void permuteAndTransposeMatchLoopsOnRandomShapes() {
        for (int trial = 0; trial < 20; trial++) {
            int[] dims = Fixtures.randomDims(random, 1, 4);
            int rank = dims.length;
            Tensor x = Tensor.randn(random, dims);
            int[] order = shuffledAxes(rank);
            int[] written = order.clone();
            for (int i = 0; i < rank; i++) {
                written[i] = random.nextBoolean() ? order[i] : order[i] - rank;
            }
            Tensor permuted = x.permute(written);
            int[] outDims = new int[rank];
            for (int i = 0; i < rank; i++) {
                outDims[i] = dims[order[i]];
            }
            assertThat(permuted.dims()).containsExactly(outDims);
            for (int flat = 0; flat < x.size(); flat++) {
                int[] out = Fixtures.coordinates(outDims, flat);
                int[] in = new int[rank];
                for (int i = 0; i < rank; i++) {
                    in[order[i]] = out[i];
                }
                assertThat(permuted.get(out)).isEqualTo(x.get(in));
            }
            int a = random.nextInt(-rank, rank);
            int b = random.nextInt(-rank, rank);
            Tensor transposed = x.transpose(a, b);
            for (int flat = 0; flat < x.size(); flat++) {
                int[] in = Fixtures.coordinates(dims, flat);
                int[] out = in.clone();
                int ra = Math.floorMod(a, rank);
                int rb = Math.floorMod(b, rank);
                out[ra] = in[rb];
                out[rb] = in[ra];
                assertThat(transposed.get(out)).isEqualTo(x.get(in));
            }
        }
    }

    @Test
    void permuteAndTransposeGradients() {
        Tensor x = Tensor.randn(random, 2, 3, 4).requiresGrad(true);
        assertGradients(in -> in[0].permute(2, 0, 1), x);
        assertGradients(in -> in[0].permute(-1, 1, -3), x);
        assertGradients(in -> in[0].transpose(0, -1), x);
        Tensor m = Tensor.randn(random, 3, 5).requiresGrad(true);
        assertGradients(in -> in[0].t(), m);
        assertGradients(in -> in[0].t().matmul(in[0]), m);
    }

    @Test
    void permuteAndTransposeErrorsNameTheOpAndShape() {
        Tensor x = Tensor.zeros(2, 3, 4);
        assertThatThrownBy(() -> x.permute(0, 1)).isInstanceOf(ShapeMismatchException.class)
                .hasMessage("permute: order [0, 1] for shape [2, 3, 4]");
        assertThatThrownBy(() -> x.permute(0, 1, 1)).hasMessageContaining("not a permutation").hasMessageContaining("[2, 3, 4]");
        assertThatThrownBy(() -> x.permute(0, 1, -4)).hasMessageContaining("not a permutation");
        assertThatThrownBy(() -> x.transpose(0, 3)).hasMessage("transpose: axis 3 is out of range for shape [2, 3, 4]");
        assertThatThrownBy(x::t).hasMessage("t: needs a 2-D tensor, shape is [2, 3, 4]");
    }

    @Test
    void squeezeAndUnsqueezeFollowTorch() {
        Tensor x = Tensor.arange(6).reshape(1, 3, 1, 2);
        assertThat(x.squeeze().dims()).containsExactly(3, 2);
        assertThat(x.squeeze().get(2, 1)).isEqualTo(5f);
        assertThat(x.squeeze(0).dims()).containsExactly(3, 1, 2);
        assertThat(x.squeeze(-2).dims()).containsExactly(1, 3, 2);
        assertThat(Tensor.ones(1, 1).squeeze().rank()).isZero();
        Tensor y = Tensor.zeros(2, 3);
        assertThat(y.unsqueeze(0).dims()).containsExactly(1, 2, 3);
        assertThat(y.unsqueeze(1).dims()).containsExactly(2, 1, 3);
        assertThat(y.unsqueeze(2).dims()).containsExactly(2, 3, 1);
        assertThat(y.unsqueeze(-1).dims()).containsExactly(2, 3, 1);
        assertThat(y.unsqueeze(-3).dims()).containsExactly(1, 2, 3);
        assertThat(Tensor.scalar(1f).unsqueeze(0).dims()).containsExactly(1);
        assertThatThrownBy(() -> x.squeeze(1)).isInstanceOf(ShapeMismatchException.class)
                .hasMessage("squeeze: axis 1 of shape [1, 3, 1, 2] has size 3, not 1");
        assertThatThrownBy(() -> x.squeeze(4)).hasMessage("squeeze: axis 4 is out of range for shape [1, 3, 1, 2]");
        assertThatThrownBy(() -> y.unsqueeze(3)).hasMessageStartingWith("unsqueeze: axis 3 is out of range for shape [2, 3]");
        assertThatThrownBy(() -> y.unsqueeze(-4)).hasMessageStartingWith("unsqueeze: axis -4");
    }

    @Test
    void narrowCopiesTheSliceAndScattersItsGradientIntoZeros() {
        for (int trial = 0; trial < 15; trial++) {
            int[] dims = Fixtures.randomDims(random, 1, 4);
            int axis = random.nextInt(-dims.length, dims.length);
            int a = Math.floorMod(axis, dims.length);
            int start = random.nextInt(dims[a]);
            int length = random.nextInt(1, dims[a] - start + 1);
            Tensor x = Tensor.randn(random, dims).requiresGrad(true);
            Tensor part = x.narrow(axis, start, length);
            int[] outDims = dims.clone();
            outDims[a] = length;
            assertThat(part.dims()).containsExactly(outDims);
            for (int flat = 0; flat < part.size(); flat++) {
                int[] index = Fixtures.coordinates(outDims, flat);
                float value = part.get(index);
                index[a] += start;
                assertThat(value).isEqualTo(x.get(index));
            }
            assertGradients(in -> in[0].narrow(axis, start, length), x);
        }
        Tensor x = Tensor.randn(random, 2, 4).requiresGrad(true);
        x.narrow(1, 1, 2).backward(Tensor.of(new float[] {1, 2, 3, 4}, 2, 2));
        assertThat(x.grad().toArray()).containsExactly(0, 1, 2, 0, 0, 3, 4, 0);
        x.set(100f, 0, 1);
        assertThat(x.narrow(1, 1, 2).get(0, 0)).as("narrow copies").isEqualTo(100f);
        Tensor copy = x.narrow(1, 1, 2);
        x.set(-1f, 0, 1);
        assertThat(copy.get(0, 0)).isEqualTo(100f);
        assertThat(x.narrow(0, 2, 0).dims()).containsExactly(0, 4);
    }

    @Test
    void narrowOutOfRangeSaysWhere() {
        Tensor x = Tensor.zeros(2, 4);
        assertThatThrownBy(() -> x.narrow(1, 3, 2)).hasMessage("narrow: [3, 5) along axis 1 is outside [0, 4) of shape [2, 4]");
        assertThatThrownBy(() -> x.narrow(0, -1, 1)).hasMessageStartingWith("narrow: [-1, 0)");
        assertThatThrownBy(() -> x.narrow(0, 0, -1)).hasMessageStartingWith("narrow:");
        assertThatThrownBy(() -> x.narrow(2, 0, 1)).hasMessage("narrow: axis 2 is out of range for shape [2, 4]");
    }

    @Test
    void concatMatchesLoopsAndSplitsTheGradient() {
        for (int trial = 0; trial < 15; trial++) {
            int[] dims = Fixtures.randomDims(random, 1, 4);
            int axis = random.nextInt(-dims.length, dims.length);
            int a = Math.floorMod(axis, dims.length);
            Tensor[] parts = new Tensor[random.nextInt(1, 4)];
            int total = 0;
            for (int k = 0; k < parts.length; k++) {
                int[] partDims = dims.clone();
                partDims[a] = random.nextInt(1, 4);
                total += partDims[a];
                parts[k] = Tensor.randn(random, partDims).requiresGrad(k != 1);
            }
            Tensor joined = Tensor.concat(axis, parts);
            int[] outDims = dims.clone();
            outDims[a] = total;
            assertThat(joined.dims()).containsExactly(outDims);
            for (int flat = 0; flat < joined.size(); flat++) {
                int[] index = Fixtures.coordinates(outDims, flat);
                float value = joined.get(index);
                int k = 0;
                while (index[a] >= parts[k].dim(a)) {
                    index[a] -= parts[k].dim(a);
                    k++;
                }
                assertThat(value).isEqualTo(parts[k].get(index));
            }
            assertGradients(in -> Tensor.concat(axis, in), parts);
        }
    }

    @Test
    void concatErrorsNameTheOpAndTheShapes() {
        assertThatThrownBy(() -> Tensor.concat(1, Tensor.zeros(2, 3), Tensor.zeros(3, 4)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("concat: shapes must agree except along axis 1, got [2, 3], [3, 4]");
        assertThatThrownBy(() -> Tensor.concat(0, Tensor.zeros(2, 3), Tensor.zeros(2, 3, 1)))
                .hasMessage("concat: shapes must agree except along axis 0, got [2, 3], [2, 3, 1]");
        assertThatThrownBy(() -> Tensor.concat(2, Tensor.zeros(2, 3))).hasMessage("concat: axis 2 is out of range for shape [2, 3]");
        assertThatThrownBy(() -> Tensor.concat(0)).hasMessage("concat: needs at least one tensor");
        assertThatThrownBy(() -> Tensor.concat(0, Tensor.scalar(1f), Tensor.scalar(2f))).hasMessageContaining("concat");
    }

    @Test
    void stackAddsANewAxisAndSplitsTheGradient() {
        Tensor a = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor b = Tensor.of(new float[][] {{7, 8, 9}, {10, 11, 12}});
        assertThat(Tensor.stack(0, a, b).dims()).containsExactly(2, 2, 3);
        assertThat(Tensor.stack(0, a, b).toArray()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(Tensor.stack(1, a, b).toArray()).containsExactly(1, 2, 3, 7, 8, 9, 4, 5, 6, 10, 11, 12);
        assertThat(Tensor.stack(-1, a, b).dims()).containsExactly(2, 3, 2);
        assertThat(Tensor.stack(-1, a, b).toArray()).containsExactly(1, 7, 2, 8, 3, 9, 4, 10, 5, 11, 6, 12);
        assertThat(Tensor.stack(0, Tensor.scalar(1f), Tensor.scalar(2f)).toArray()).containsExactly(1, 2);
        for (int trial = 0; trial < 10; trial++) {
            int[] dims = Fixtures.randomDims(random, 0, 3);
            int axis = random.nextInt(-dims.length - 1, dims.length + 1);
            Tensor[] parts = new Tensor[random.nextInt(1, 4)];
            for (int k = 0; k < parts.length; k++) {
                parts[k] = Tensor.randn(random, dims).requiresGrad(true);
            }
            Tensor stacked = Tensor.stack(axis, parts);
            int a2 = Math.floorMod(axis, dims.length + 1);
            for (int k = 0; k < parts.length; k++) {
                int[] index = new int[dims.length + 1];
                index[a2] = k;
                for (int flat = 0; flat < parts[k].size(); flat++) {
                    int[] partIndex = Fixtures.coordinates(dims, flat);
                    for (int i = 0, j = 0; i < index.length; i++) {
                        if (i != a2) {
                            index[i] = partIndex[j++];
                        }
                    }
                    assertThat(stacked.get(index)).isEqualTo(parts[k].get(partIndex));
                }
            }
            assertGradients(in -> Tensor.stack(axis, in), parts);
        }
        assertThatThrownBy(() -> Tensor.stack(0, a, Tensor.zeros(3, 2))).isInstanceOf(ShapeMismatchException.class)
                .hasMessage("stack: all tensors must have one shape, got [2, 3], [3, 2]");
        assertThatThrownBy(() -> Tensor.stack(3, a, b)).hasMessageStartingWith("stack: axis 3 is out of range for shape [2, 3]");
    }

    private int[] shuffledAxes(int rank) {
        int[] order = new int[rank];
        Arrays.setAll(order, i -> i);
        for (int i = rank - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
