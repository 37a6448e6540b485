package dev.dendrite.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dendrite.tensor.Tensor;
import java.util.function.Function;

/** Test helper: asserts that backprop agrees with finite differences, printing the worst element when not. */
public final class GradAssert {

    private GradAssert() {
    }

    /** Fails unless every gradient of {@code f} at {@code inputs} passes {@link GradCheck#check(Function, Tensor...)}. */
    public static void assertGradients(Function<Tensor[], Tensor> f, Tensor... inputs) {
        GradCheck.Result result = GradCheck.check(f, inputs);
        assertThat(result.passed()).as(result.worst() + " (error/tolerance " + result.worstRatio() + ")").isTrue();
    }
}
