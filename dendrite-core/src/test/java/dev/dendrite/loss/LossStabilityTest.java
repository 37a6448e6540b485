package dev.dendrite.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Binary losses at the ends of their range, and identities between the regression losses. */
class LossStabilityTest {

    @Test
    void bceWithLogitsIsExactAndFiniteForHugeLogits() {
        Tensor x = Tensor.of(-1000f, 1000f, -1000f, 1000f, -1e30f, 1e30f).requiresGrad(true);
        Tensor y = Tensor.of(0f, 1f, 1f, 0f, 0.25f, 0.25f);
        Tensor loss = new BCEWithLogitsLoss().reduction(Reduction.NONE).apply(x, y);
        float[] values = loss.toArray();
        assertThat(java.util.Arrays.copyOf(values, 4)).containsExactly(0f, 0f, 1000f, 1000f);
        // (1 - y) x + softplus(-x): y |x| for very negative x, (1 - y) x for very positive x.
        assertThat(values[4]).isCloseTo(0.25e30f, within(1e23f));
        assertThat(values[5]).isCloseTo(0.75e30f, within(1e23f));
        loss.backward(Tensor.ones(6));
        assertThat(x.grad().toArray()).containsExactly(0f, 0f, -1f, 1f, -0.25f, 0.75f);
    }

    @Test
    void bceWithLogitsGradientAtZeroIsSigmoidMinusTarget() {
        // A composition of relu, abs and softplus would get the kink at 0 wrong; the fused rule cannot.
        Tensor x = Tensor.of(0f, 0f).requiresGrad(true);
        new BCEWithLogitsLoss().reduction(Reduction.SUM).apply(x, Tensor.of(0f, 1f)).backward();
        assertThat(x.grad().toArray()).containsExactly(0.5f, -0.5f);
    }

    @Test
    void bceWithLogitsMatchesBceOnTheSigmoid() {
        Tensor x = Tensor.of(-3f, -0.5f, 0.2f, 2.5f);
        Tensor y = Tensor.of(0f, 1f, 0.4f, 1f);
        assertThat(new BCEWithLogitsLoss().apply(x, y).item())
                .isCloseTo(new BCELoss().apply(x.sigmoid(), y).item(), within(1e-6f));
    }

    @Test
    void bceOnCertainProbabilitiesIsClampedNotInfinite() {
        Tensor p = Tensor.of(0f, 1f, 0f, 1f).requiresGrad(true);
        Tensor loss = new BCELoss().reduction(Reduction.NONE).apply(p, Tensor.of(0f, 1f, 1f, 0f));
        assertThat(loss.toArray()).containsExactly(0f, -0f, 100f, 100f); // -0 as in torch: -(1 * 0)
        loss.backward(Tensor.ones(4));
        assertThat(p.grad().toArray()).containsExactly(0f, 0f, -1e12f, 1e12f);
        // Backprop into a target that requires gradients stays finite too: the slope of the clamped loss.
        Tensor y = Tensor.of(0.5f, 0.5f).requiresGrad(true);
        new BCELoss().reduction(Reduction.SUM).apply(Tensor.of(0f, 1f), y).backward();
        assertThat(y.grad().toArray()).containsExactly(100f, -100f);
    }

    @Test
    void huberIsDeltaTimesSmoothL1AndBothReachTheirLimits() {
        Tensor p = Tensor.of(0.5f, -1.2f, 2f, 3.1f, 0f, -0.7f);
        Tensor y = Tensor.of(0.2f, 0.6f, -0.5f, 3f, 1.6f, -3.9f);
        for (float delta : new float[] {0.25f, 1f, 2f}) {
            assertThat(new HuberLoss(delta).apply(p, y).item())
                    .isCloseTo(delta * new SmoothL1Loss(delta).apply(p, y).item(), within(1e-5f));
        }
        assertThat(new SmoothL1Loss(0f).apply(p, y).item()).isEqualTo(new L1Loss().apply(p, y).item());
        // Huber with a delta beyond every difference is half the squared error.
        assertThat(new HuberLoss(100f).apply(p, y).item()).isCloseTo(new MSELoss().apply(p, y).item() / 2, within(1e-6f));
    }

    @Test
    void l1GradientAtZeroDifferenceIsZero() {
        Tensor p = Tensor.of(1f, 2f).requiresGrad(true);
        new L1Loss().reduction(Reduction.SUM).apply(p, Tensor.of(1f, 0f)).backward();
        assertThat(p.grad().toArray()).containsExactly(0f, 1f);
    }

    @Test
    void meanIsTheDefaultAndNoneKeepsTheShape() {
        Tensor p = Tensor.of(new float[][] {{1f, 2f}, {3f, 4f}});
        Tensor y = Tensor.zeros(2, 2);
        assertThat(new MSELoss().reduction()).isEqualTo(Reduction.MEAN);
        assertThat(new MSELoss().apply(p, y).item()).isEqualTo(7.5f);
        assertThat(new MSELoss().reduction(Reduction.SUM).apply(p, y).item()).isEqualTo(30f);
        assertThat(new MSELoss().reduction(Reduction.NONE).apply(p, y).dims()).containsExactly(2, 2);
        assertThat(new BCEWithLogitsLoss().reduction(Reduction.NONE).apply(p, y).dims()).containsExactly(2, 2);
        assertThat(new CrossEntropyLoss().reduction(Reduction.NONE).apply(p, Tensor.of(0f, 1f)).dims()).containsExactly(2);
        assertThat(new CrossEntropyLoss().reduction(Reduction.NONE).apply(Tensor.of(1f, 2f), Tensor.scalar(0f)).dims())
                .isEmpty();
    }
}
