package dev.dendrite.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.autograd.NoGrad;
import dev.dendrite.kernel.Parallel;
import dev.dendrite.tensor.Tensor;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The fused cross-entropy on batches large enough to run in parallel, against a double reference and the composed ops. */
class CrossEntropyLossTest {

    private static final int ROWS = 1000;
    private static final int CLASSES = 37;
    private static final float EPS = 0.15f;

    private final RandomGenerator random = Tensor.generator(5);

    /** Targets in [0, classes), every 7th ignored (-100). */
    private Tensor targets() {
        float[] t = new float[ROWS];
        for (int i = 0; i < ROWS; i++) {
            t[i] = i % 7 == 3 ? -100f : random.nextInt(CLASSES);
        }
        return Tensor.of(t);
    }

    /**
     * torch's weighted, smoothed, ignoring mean cross-entropy and its gradient, in double:
     * {@code sum_i [(1-eps) w[t] (-lp[t]) + eps/C sum_c w[c] (-lp[c])] / sum_i w[t_i]} over non-ignored rows.
     */
    private static double reference(float[] x, float[] t, float[] w, double[] grad) {
        double total = 0;
        double divisor = 0;
        double[][] rowGrad = new double[ROWS][CLASSES];
        for (int i = 0; i < ROWS; i++) {
            int target = (int) t[i];
            if (target < 0) {
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < CLASSES; c++) {
                max = Math.max(max, x[i * CLASSES + c]);
            }
            double sum = 0;
            for (int c = 0; c < CLASSES; c++) {
                sum += Math.exp(x[i * CLASSES + c] - max);
            }
            double weightSum = 0;
            for (int c = 0; c < CLASSES; c++) {
                double lp = x[i * CLASSES + c] - max - Math.log(sum);
                double q = (c == target ? 1 - EPS : 0) + EPS / CLASSES;
                total -= w[c] * (c == target ? (1 - EPS) : 0) * lp + EPS / CLASSES * w[c] * lp;
                rowGrad[i][c] = -w[c] * q;
                weightSum += w[c] * q;
            }
            for (int c = 0; c < CLASSES; c++) {
                rowGrad[i][c] += Math.exp(x[i * CLASSES + c] - max) / sum * weightSum;
            }
            divisor += w[target];
        }
        for (int i = 0; i < ROWS; i++) {
            for (int c = 0; c < CLASSES; c++) {
                grad[i * CLASSES + c] = rowGrad[i][c] / divisor;
            }
        }
        return total / divisor;
    }

    @Test
    void largeBatchMatchesADoubleReference() {
        Tensor x = Tensor.normal(random, 0f, 3f, ROWS, CLASSES).requiresGrad(true);
        Tensor t = targets();
        Tensor w = Tensor.uniform(random, 0.2f, 2f, CLASSES);
        Tensor loss = new CrossEntropyLoss().weight(w).labelSmoothing(EPS).apply(x, t);
        loss.backward();

        double[] grad = new double[ROWS * CLASSES];
        double expected = reference(x.data(), t.data(), w.data(), grad);
        assertThat((double) loss.item()).isCloseTo(expected, within(1e-6 * Math.abs(expected)));
        float[] actual = x.grad().data();
        for (int i = 0; i < grad.length; i++) {
            assertThat((double) actual[i]).as("gradient element " + i).isCloseTo(grad[i], within(1e-9 + 1e-5 * Math.abs(grad[i])));
        }
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        Tensor x = Tensor.normal(random, 0f, 3f, ROWS, CLASSES);
        Tensor t = targets();
        Loss loss = new CrossEntropyLoss().labelSmoothing(EPS).reduction(Reduction.NONE);
        Tensor first = x.copy().requiresGrad(true);
        Tensor parallelLoss = loss.apply(first, t);
        parallelLoss.backward(Tensor.ones(ROWS));
        int threads = Parallel.threads();
        try {
            Parallel.setThreads(1);
            Tensor second = x.copy().requiresGrad(true);
            Tensor serialLoss = loss.apply(second, t);
            serialLoss.backward(Tensor.ones(ROWS));
            assertThat(serialLoss.toArray()).containsExactly(parallelLoss.toArray());
            assertThat(second.grad().toArray()).containsExactly(first.grad().toArray());
        } finally {
            Parallel.setThreads(threads);
        }
    }

    @Test
    void agreesWithTheComposedOps() {
        Tensor x = Tensor.normal(random, 0f, 2f, 64, 10).requiresGrad(true);
        float[] labels = new float[64];
        int[] ints = new int[64];
        for (int i = 0; i < 64; i++) {
            ints[i] = random.nextInt(10);
            labels[i] = ints[i];
        }
        Tensor t = Tensor.of(labels);
        Tensor fused = new CrossEntropyLoss().labelSmoothing(0.1f).apply(x, t);
        fused.backward();
        float[] fusedGrad = x.grad().toArray();
        x.zeroGrad();

        Tensor smoothed = Tensor.oneHot(ints, 10).mul(0.9f).add(0.01f);
        Tensor composed = x.logSoftmax(1).mul(smoothed).sum(1).mean().neg();
        composed.backward();

        assertThat(fused.item()).isCloseTo(composed.item(), within(1e-5f));
        for (int i = 0; i < fusedGrad.length; i++) {
            assertThat(fusedGrad[i]).isCloseTo(x.grad().data()[i], within(1e-6f));
        }
        // One-hot probabilities and NLL of the log-softmax give the same loss.
        Tensor probabilities = new CrossEntropyLoss().labelSmoothing(0.1f).apply(x, Tensor.oneHot(ints, 10));
        Tensor nll = new NLLLoss().apply(x.logSoftmax(1), t);
        Tensor plain = new CrossEntropyLoss().apply(x, t);
        assertThat(probabilities.item()).isCloseTo(fused.item(), within(1e-5f));
        assertThat(nll.item()).isCloseTo(plain.item(), within(1e-5f));
    }

    @Test
    void hugeLogitsGiveFiniteExactLossesAndGradients() {
        Tensor x = Tensor.of(new float[][] {{1000f, -1000f, 0f}, {-1000f, 1000f, 0f}, {1e38f, 1e38f, -1e38f}})
                .requiresGrad(true);
        Tensor loss = new CrossEntropyLoss().reduction(Reduction.NONE).apply(x, Tensor.of(1f, 1f, 0f));
        assertThat(loss.toArray()).containsExactly(2000f, 0f, (float) Math.log(2));
        loss.backward(Tensor.ones(3));
        assertThat(x.grad().toArray()).containsExactly(1f, -1f, 0f, 0f, 0f, 0f, -0.5f, 0.5f, 0f);

        Tensor soft = new CrossEntropyLoss().apply(x, Tensor.of(new float[][] {{0.5f, 0.5f, 0f}, {0f, 1f, 0f},
                {0f, 0f, 1f}}));
        assertThat(soft.item()).isFinite();
        assertThat(soft.item()).isCloseTo((float) ((1000 + 0 + 2e38) / 3), within(1e32f));
    }

    @Test
    void meanOverOnlyIgnoredTargetsIsNaNWithZeroGradientAsInTorch() {
        Tensor x = Tensor.of(new float[][] {{1f, 2f}, {0f, 3f}}).requiresGrad(true);
        Tensor loss = new CrossEntropyLoss().apply(x, Tensor.of(-100f, -100f));
        assertThat(loss.item()).isNaN();
        loss.backward();
        assertThat(x.grad().toArray()).containsOnly(0f);
    }

    @Test
    void recordsNothingWithoutGradients() {
        Tensor x = Tensor.of(new float[][] {{1f, 2f, 0.5f}});
        Tensor t = Tensor.of(2f);
        assertThat(new CrossEntropyLoss().apply(x, t).requiresGrad()).isFalse();
        x.requiresGrad(true);
        try (NoGrad noGrad = NoGrad.enter()) {
            Tensor loss = new CrossEntropyLoss().apply(x, t);
            assertThat(loss.requiresGrad()).isFalse();
            assertThat(loss.item()).isCloseTo((float) (Math.log(Math.exp(1) + Math.exp(2) + Math.exp(0.5)) - 0.5),
                    within(1e-6f));
        }
    }
}
