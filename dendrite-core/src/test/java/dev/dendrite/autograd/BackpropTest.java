package dev.dendrite.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dendrite.tensor.Tensor;
import org.junit.jupiter.api.Test;

class BackpropTest {

    @Test
    void gradientsOfASharedInputAddUp() {
        Tensor x = Tensor.of(2f, -3f).requiresGrad(true);
        // y = x*x + 3x  =>  dy/dx = 2x + 3
        x.mul(x).add(x.mul(3f)).sum().backward();
        assertThat(x.grad().toArray()).containsExactly(7f, -3f);
    }

    @Test
    void secondBackwardAccumulatesUntilZeroed() {
        Tensor w = Tensor.of(1f, 2f).requiresGrad(true);
        w.mul(4f).sum().backward();
        w.mul(4f).sum().backward();
        assertThat(w.grad().toArray()).containsExactly(8f, 8f);
        w.zeroGrad();
        assertThat(w.grad()).isNull();
    }

    @Test
    void theGraphIsReleasedAfterBackward() {
        Tensor w = Tensor.of(1f, 2f).requiresGrad(true);
        Tensor hidden = w.mul(w);
        Tensor loss = hidden.sum();
        loss.backward();
        assertThat(hidden.gradFn().isReleased()).isTrue();
        assertThat(hidden.gradFn().inputs()).isEmpty();
        assertThat(hidden.grad()).isNull();
        assertThatThrownBy(loss::backward).hasMessageContaining("a second time");
    }

    @Test
    void noGradScopeRecordsNothingAndNests() {
        Tensor w = Tensor.of(1f).requiresGrad(true);
        try (NoGrad outer = NoGrad.enter()) {
            try (NoGrad inner = NoGrad.enter()) {
                assertThat(w.mul(2f).requiresGrad()).isFalse();
            }
            assertThat(GradMode.isEnabled()).isFalse();
        }
        assertThat(GradMode.isEnabled()).isTrue();
        assertThat(w.mul(2f).requiresGrad()).isTrue();
    }

    @Test
    void detachStopsTheGradient() {
        Tensor x = Tensor.of(3f).requiresGrad(true);
        x.mul(x.detach()).sum().backward();
        assertThat(x.grad().item()).isEqualTo(3f);
    }

    @Test
    void explicitUpstreamGradientWeightsTheOutputs() {
        Tensor x = Tensor.of(1f, 1f, 1f).requiresGrad(true);
        x.mul(2f).backward(Tensor.of(1f, 10f, 100f));
        assertThat(x.grad().toArray()).containsExactly(2f, 20f, 200f);
        Tensor y = Tensor.of(1f, 2f).requiresGrad(true);
        assertThatThrownBy(() -> y.mul(2f).backward()).hasMessageContaining("one-element");
        assertThatThrownBy(() -> Tensor.of(1f).backward()).hasMessageContaining("does not require gradients");
    }

    @Test
    void gradCheckCatchesAWrongGradient() {
        Tensor x = Tensor.of(0.7f, -1.3f, 2f).requiresGrad(true);
        assertThat(GradCheck.check(in -> in[0].mul(in[0]), x).passed()).isTrue();
        // Detaching one factor halves the analytic gradient of x*x: the checker must notice.
        GradCheck.Result wrong = GradCheck.check(in -> in[0].mul(in[0].detach()), x);
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.worst()).contains("analytic").contains("numeric");
    }

    @Test
    void deepChainsDoNotOverflowTheStack() {
        Tensor x = Tensor.of(1f).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) {
            y = y.add(1f);
        }
        y.sum().backward();
        assertThat(x.grad().item()).isEqualTo(1f);
    }
}
