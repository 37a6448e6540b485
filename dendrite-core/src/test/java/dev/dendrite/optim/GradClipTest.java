package dev.dendrite.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.nn.Parameter;
import dev.dendrite.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gradient clipping as torch.nn.utils.clip_grad_norm_ / clip_grad_value_. */
class GradClipTest {

    private static Parameter withGrad(float... grad) {
        Parameter parameter = new Parameter(Tensor.zeros(grad.length));
        parameter.value().accumulateGrad(Tensor.of(grad));
        return parameter;
    }

    @Test
    void theNormIsGlobalOverAllGradientsAndTheyScaleTogether() {
        Parameter a = withGrad(3f, 4f);
        Parameter b = withGrad(12f);
        Parameter none = new Parameter(Tensor.zeros(2));
        double norm = GradClip.clipGradNorm(List.of(a, none, b), 6.5);
        assertThat(norm).isEqualTo(13.0);
        double factor = 6.5 / (13 + 1e-6);
        assertThat(a.grad().toArray()).containsExactly(new float[] {(float) (3 * factor), (float) (4 * factor)},
                within(1e-6f));
        assertThat(b.grad().item()).isCloseTo((float) (12 * factor), within(1e-6f));
        assertThat(none.grad()).isNull();
    }

    @Test
    void gradientsWithinTheLimitStayAsTheyAre() {
        Parameter a = withGrad(3f, 4f);
        assertThat(GradClip.clipGradNorm(List.of(a), 6.0)).isEqualTo(5.0);
        assertThat(a.grad().toArray()).containsExactly(3f, 4f);
    }

    @Test
    void theInfinityNormIsTheLargestAbsoluteValue() {
        Parameter a = withGrad(1f, -8f);
        Parameter b = withGrad(2f);
        assertThat(GradClip.clipGradNorm(List.of(a, b), 4.0, Double.POSITIVE_INFINITY)).isEqualTo(8.0);
        assertThat(a.grad().toArray()).containsExactly(new float[] {0.5f, -4f}, within(1e-6f));
    }

    @Test
    void aNonFiniteNormIsReportedAndNothingIsScaled() {
        Parameter a = withGrad(1f, Float.NaN);
        Parameter b = withGrad(100f);
        assertThat(GradClip.clipGradNorm(List.of(a, b), 1.0)).isNaN();
        assertThat(b.grad().item()).isEqualTo(100f);
        assertThat(GradClip.clipGradNorm(List.of(withGrad(Float.POSITIVE_INFINITY)), 1.0)).isInfinite();
    }

    @Test
    void clipGradValueClampsEachValue() {
        Parameter a = withGrad(-3f, 0.2f, 5f, -0.5f);
        GradClip.clipGradValue(List.of(a, new Parameter(Tensor.zeros(1))), 0.5);
        assertThat(a.grad().toArray()).containsExactly(-0.5f, 0.2f, 0.5f, -0.5f);
    }
}
