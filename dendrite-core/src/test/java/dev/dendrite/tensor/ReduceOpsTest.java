package dev.dendrite.tensor;

import static dev.dendrite.autograd.GradAssert.assertGradients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.kernel.Parallel;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ReduceOpsTest {

    private final RandomGenerator random = Tensor.generator(3);

    @Test
    void sumOverEveryAxisSetMatchesLoops() {
        Tensor x = Tensor.randn(random, 2, 3, 4);
        Tensor sum02 = x.sum(new int[] {0, 2}, false);
        assertThat(sum02.dims()).containsExactly(3);
        for (int j = 0; j < 3; j++) {
            double expected = 0;
            for (int i = 0; i < 2; i++) {
                for (int k = 0; k < 4; k++) {
                    expected += x.get(i, j, k);
                }
            }
            assertThat(sum02.get(j)).isCloseTo((float) expected, within(1e-5f));
        }
        assertThat(x.sum(new int[] {-1}, true).dims()).containsExactly(2, 3, 1);
        assertThat(x.sum().rank()).isZero();
        assertThat(x.sum().item()).isCloseTo(sum02.sum().item(), within(1e-5f));
        assertThat(x.mean(1).get(1, 2)).isCloseTo((x.get(1, 0, 2) + x.get(1, 1, 2) + x.get(1, 2, 2)) / 3, within(1e-6f));
    }

    @Test
    void sumAndMeanGradients() {
        Tensor x = Tensor.randn(random, 3, 4, 5).requiresGrad(true);
        assertGradients(in -> in[0].sum(), x);
        assertGradients(in -> in[0].sum(new int[] {1}, false), x);
        assertGradients(in -> in[0].sum(new int[] {0, 2}, true), x);
        assertGradients(in -> in[0].mean(new int[] {2, 0}, false), x);
        assertGradients(in -> in[0].mean(), x);
    }

    @Test
    void maxMinVarSumMatchLoopsOnRandomShapesAndAxes() {
        for (int trial = 0; trial < 40; trial++) {
            int[] dims = Fixtures.randomDims(random, 1, 4);
            checkAgainstLoops(Tensor.randn(random, dims), Fixtures.randomAxes(random, dims.length), trial % 2 == 0);
        }
        // Lengths beyond one SIMD vector, with and without a tail, both kernel layouts.
        checkAgainstLoops(Tensor.randn(random, 3, 37), new int[] {1}, false);
        checkAgainstLoops(Tensor.randn(random, 37, 19), new int[] {0}, true);
        checkAgainstLoops(Tensor.randn(random, 5, 33, 17), new int[] {0, -1}, false);
        checkAgainstLoops(Tensor.randn(random, 64), new int[] {0}, false);
    }

    private void checkAgainstLoops(Tensor x, int[] axes, boolean keepDim) {
        String where = Arrays.toString(x.dims()) + " axes " + Arrays.toString(axes) + " keepDim " + keepDim;
        int[] kept = keptDims(x.dims(), axes);
        int[] expectedDims = keepDim ? kept : removedDims(x.dims(), axes);
        double[] max = reference(x, axes, Double.NEGATIVE_INFINITY, Math::max);
        double[] min = reference(x, axes, Double.POSITIVE_INFINITY, Math::min);
        double[] sum = reference(x, axes, 0, Double::sum);
        Tensor outMax = x.max(axes, keepDim);
        Tensor outMin = x.min(axes, keepDim);
        Tensor outSum = x.sum(axes, keepDim);
        Tensor outVar = x.var(axes, keepDim, 1);
        Tensor outPopVar = x.var(axes, keepDim, 0);
        for (Tensor out : new Tensor[] {outMax, outMin, outSum, outVar, outPopVar}) {
            assertThat(out.dims()).as(where).containsExactly(expectedDims);
        }
        int n = x.size() / max.length;
        double[] squares = new double[max.length];
        for (int flat = 0; flat < x.size(); flat++) {
            int o = outIndex(x.dims(), kept, flat);
            double d = x.data()[flat] - sum[o] / n;
            squares[o] += d * d;
        }
        for (int o = 0; o < max.length; o++) {
            assertThat(outMax.data()[o]).as(where).isEqualTo((float) max[o]);
            assertThat(outMin.data()[o]).as(where).isEqualTo((float) min[o]);
            assertThat(outSum.data()[o]).as(where).isCloseTo((float) sum[o], within(1e-4f));
            assertThat(outPopVar.data()[o]).as(where).isCloseTo((float) (squares[o] / n), within(1e-4f));
            if (n > 1) {
                assertThat(outVar.data()[o]).as(where).isCloseTo((float) (squares[o] / (n - 1)), within(1e-4f));
            } else {
                assertThat(outVar.data()[o]).as(where).isNaN();
            }
        }
    }

    @Test
    void maxMinVarGradientsOnRandomShapes() {
        for (int trial = 0; trial < 12; trial++) {
            int[] dims = Fixtures.randomDims(random, 1, 3);
            int[] axes = Fixtures.randomAxes(random, dims.length);
            boolean keepDim = trial % 2 == 0;
            Tensor x = Fixtures.distinct(random, dims).requiresGrad(true);
            assertGradients(in -> in[0].max(axes, keepDim), x);
            assertGradients(in -> in[0].min(axes, keepDim), x);
            assertGradients(in -> in[0].var(axes, keepDim, 0), x);
            if (x.size() > 1) {
                assertGradients(in -> in[0].var(), x);
            }
        }
        Tensor x = Fixtures.distinct(random, 3, 4, 5).requiresGrad(true);
        assertGradients(in -> in[0].max(), x);
        assertGradients(in -> in[0].min(), x);
        assertGradients(in -> in[0].var(new int[] {0, 2}, true, 1), x);
        assertGradients(in -> in[0].var(new int[] {-1}, false, 1), x);
        assertGradients(in -> in[0].max(new int[] {-3, -1}, false).mul(in[0].min(new int[] {0, 2}, false)), x);
    }

    @Test
    void tiedExtremesShareTheGradientEvenly() {
        Tensor x = Tensor.of(new float[][] {{1, 3, 3}, {2, 2, 2}}).requiresGrad(true);
        x.max(new int[] {1}, false).backward(Tensor.of(2f, 6f));
        assertThat(x.grad().toArray()).containsExactly(0, 1, 1, 2, 2, 2);

        Tensor y = Tensor.of(new float[][] {{1, 3, 1}, {0, 5, 7}}).requiresGrad(true);
        y.min(new int[] {-1}, true).backward(Tensor.of(new float[] {4, 3}, 2, 1));
        assertThat(y.grad().toArray()).containsExactly(2, 0, 2, 3, 0, 0);

        Tensor z = Tensor.of(new float[][] {{4, 1}, {4, 4}}).requiresGrad(true);
        z.max().backward();
        assertThat(z.grad().toArray()).containsExactly(1f / 3, 0, 1f / 3, 1f / 3);
    }

    @Test
    void varianceHasKnownValuesAndSurvivesALargeOffset() {
        Tensor x = Tensor.of(1, 2, 3, 4);
        assertThat(x.var().item()).isCloseTo(5f / 3, within(1e-6f));
        assertThat(x.var(new int[] {0}, false, 0).item()).isEqualTo(1.25f);
        // A one-pass sum(x^2)/n - mean^2 loses every digit here in float32; two passes do not.
        assertThat(x.add(10_000f).var().item()).isCloseTo(5f / 3, within(1e-4f));
        Tensor rows = Tensor.of(new float[][] {{1, 1, 1}, {0, 3, 6}});
        assertThat(rows.var(new int[] {1}, true, 1).toArray()).containsExactly(0, 9);
        assertThat(rows.var(new int[] {1}, true, 1).dims()).containsExactly(2, 1);
    }

    @Test
    void argmaxAndArgminMatchLoopsAndTakeTheFirstTie() {
        for (int trial = 0; trial < 20; trial++) {
            int[] dims = Fixtures.randomDims(random, 1, 4);
            Tensor x = Tensor.randn(random, dims);
            int axis = random.nextInt(-dims.length, dims.length);
            int a = axis < 0 ? axis + dims.length : axis;
            Tensor argmax = x.argmax(axis);
            Tensor argmin = x.argmin(axis);
            int[] outDims = removedDims(dims, new int[] {a});
            assertThat(argmax.dims()).containsExactly(outDims);
            for (int o = 0; o < argmax.size(); o++) {
                int[] index = insert(Fixtures.coordinates(outDims, o), a, 0);
                int best = 0;
                int worst = 0;
                for (int r = 0; r < dims[a]; r++) {
                    index[a] = r;
                    float v = x.get(index);
                    index[a] = best;
                    best = v > x.get(index) ? r : best;
                    index[a] = worst;
                    worst = v < x.get(index) ? r : worst;
                }
                assertThat(argmax.data()[o]).isEqualTo(best);
                assertThat(argmin.data()[o]).isEqualTo(worst);
            }
        }
        Tensor ties = Tensor.of(new float[][] {{1, 5, 5}, {2, 2, 0}}).requiresGrad(true);
        assertThat(ties.argmax(1).toArray()).containsExactly(1, 0);
        assertThat(ties.argmin(-1).toArray()).containsExactly(0, 2);
        assertThat(ties.argmax(0).toArray()).containsExactly(1, 0, 0);
        assertThat(ties.argmax(1).requiresGrad()).isFalse();
        assertThat(Tensor.of(3, Float.NaN, 7, Float.NaN).argmax(0).item()).isEqualTo(1);
    }

    @Test
    void theExtremeIsFoundAtEveryPositionOfARun() {
        // Covers every split of a run into SIMD vectors and scalar tail, in both kernel layouts.
        for (int n = 1; n <= 40; n++) {
            for (int p = 0; p < n; p++) {
                Tensor run = Tensor.zeros(n);
                run.set(1f, p);
                assertThat(run.max().item()).as("max, n=" + n + " p=" + p).isEqualTo(1f);
                assertThat(run.neg().min().item()).as("min, n=" + n + " p=" + p).isEqualTo(-1f);
                assertThat(run.argmax(0).item()).isEqualTo(p);
                Tensor columns = Tensor.zeros(3, n);
                columns.set(-1f, p % 3, p);
                assertThat(columns.min(new int[] {0}, false).get(p)).as("min columns, n=" + n + " p=" + p).isEqualTo(-1f);
                assertThat(columns.neg().max(new int[] {0}, false).get(p)).isEqualTo(1f);
            }
        }
    }

    @Test
    void extremesPropagateNaNInBothKernelLayouts() {
        Tensor row = Tensor.randn(random, 2, 41);
        row.set(Float.NaN, 1, 20);
        float[] max = row.max(new int[] {1}, false).toArray();
        assertThat(max[0]).isNotNaN();
        assertThat(max[1]).isNaN();
        Tensor column = Tensor.randn(random, 41, 19);
        column.set(Float.NaN, 30, 5);
        float[] min = column.min(new int[] {0}, false).toArray();
        for (int i = 0; i < min.length; i++) {
            assertThat(Float.isNaN(min[i])).as("column " + i).isEqualTo(i == 5);
        }
    }

    @Test
    void largeReductionsGiveTheSameBitsOnAnyThreadCount() {
        Tensor x = Tensor.randn(random, 512, 300);
        float[][] parallel = {x.sum(new int[] {1}, false).toArray(), x.max(new int[] {1}, false).toArray(),
                x.sum(new int[] {0}, false).toArray(), x.var(new int[] {1}, false, 1).toArray()};
        int threads = Parallel.threads();
        Parallel.setThreads(1);
        try {
            assertThat(x.sum(new int[] {1}, false).toArray()).containsExactly(parallel[0]);
            assertThat(x.max(new int[] {1}, false).toArray()).containsExactly(parallel[1]);
            assertThat(x.sum(new int[] {0}, false).toArray()).containsExactly(parallel[2]);
            assertThat(x.var(new int[] {1}, false, 1).toArray()).containsExactly(parallel[3]);
        } finally {
            Parallel.setThreads(threads);
        }
    }

    @Test
    void badAxesAndEmptyReductionsNameTheOpAndShape() {
        Tensor x = Tensor.zeros(2, 3);
        assertThatThrownBy(() -> x.max(new int[] {2}, false)).hasMessage("max: axis 2 is out of range for shape [2, 3]");
        assertThatThrownBy(() -> x.min(new int[] {-3}, true)).hasMessage("min: axis -3 is out of range for shape [2, 3]");
        assertThatThrownBy(() -> x.var(new int[] {5}, false, 1)).hasMessageStartingWith("var: axis 5");
        assertThatThrownBy(() -> x.var(new int[] {0}, false, -1)).hasMessageContaining("var").hasMessageContaining("correction");
        assertThatThrownBy(() -> x.argmax(2)).hasMessage("argmax: axis 2 is out of range for shape [2, 3]");
        assertThatThrownBy(() -> Tensor.zeros(2, 0).max(new int[] {1}, false))
                .hasMessage("max: cannot reduce the empty axis 1 of shape [2, 0]");
        assertThatThrownBy(() -> Tensor.zeros(0, 3).argmin(0))
                .hasMessage("argmin: axis 0 of shape [0, 3] is empty");
        assertThatThrownBy(() -> Tensor.scalar(1f).argmax(0)).hasMessageContaining("argmax").hasMessageContaining("[]");
    }

    /** The reduction of {@code x} over {@code axes} by loops, in double, laid out as the keepDim result. */
    private static double[] reference(Tensor x, int[] axes, double identity, DoubleBinaryOperator combine) {
        int[] kept = keptDims(x.dims(), axes);
        double[] out = new double[Shape.of(kept).size()];
        Arrays.fill(out, identity);
        for (int flat = 0; flat < x.size(); flat++) {
            int o = outIndex(x.dims(), kept, flat);
            out[o] = combine.applyAsDouble(out[o], x.data()[flat]);
        }
        return out;
    }

    private static int outIndex(int[] dims, int[] kept, int flat) {
        int[] index = Fixtures.coordinates(dims, flat);
        for (int axis = 0; axis < dims.length; axis++) {
            if (kept[axis] == 1) {
                index[axis] = 0;
            }
        }
        return Fixtures.flat(kept, index);
    }

    private static int[] keptDims(int[] dims, int[] axes) {
        int[] kept = dims.clone();
        for (int axis : axes) {
            kept[axis < 0 ? axis + dims.length : axis] = 1;
        }
        return kept;
    }

    private static int[] removedDims(int[] dims, int[] axes) {
        boolean[] removed = new boolean[dims.length];
        for (int axis : axes) {
            removed[axis < 0 ? axis + dims.length : axis] = true;
        }
        return java.util.stream.IntStream.range(0, dims.length).filter(i -> !removed[i]).map(i -> dims[i]).toArray();
    }

    private static int[] insert(int[] index, int at, int value) {
        int[] result = new int[index.length + 1];
        System.arraycopy(index, 0, result, 0, at);
        result[at] = value;
        System.arraycopy(index, at, result, at + 1, index.length - at);
        return result;
    }
}
