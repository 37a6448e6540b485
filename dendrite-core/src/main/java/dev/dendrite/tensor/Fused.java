package dev.dendrite.tensor;

import dev.dendrite.autograd.Backward;
import dev.dendrite.autograd.GradMode;

/**
 * The extension point for fused ops outside this package: code that computes a result in one pass
 * (cross-entropy from logits, say) and knows its gradient in closed form builds its output here and
 * hands over the backward rule, exactly as the built-in ops record theirs.
 *
 * <pre>{@code
 * float[] out = ...;                                   // the forward pass, one kernel
 * return Fused.op("myOp", out, shape, g -> {
 *     x.accumulateGrad(Fused.gradient(dx(g), x.dims())); // the backward pass, written directly
 * }, x);
 * }</pre>
 */
public final class Fused {

    private Fused() {
    }

    /**
     * A tensor of {@code shape} that takes ownership of {@code data}; when recording is on and an input
     * requires gradients, it remembers {@code backward} as the rule that pushes its gradient to
     * {@code inputs} (which must call {@link Tensor#accumulateGrad} on each input that requires one).
     */
    public static Tensor op(String name, float[] data, Shape shape, Backward backward, Tensor... inputs) {
        return new Tensor(shape, data).record(name, backward, inputs);
    }

    /**
     * A gradient for a backward rule to pass to {@link Tensor#accumulateGrad}: a tensor of {@code dims}
     * owning {@code data}, which the receiving tensor may keep as its gradient instead of copying it.
     * Pass a new array that nothing else holds, and do not write to it afterwards; handing the same
     * gradient to a second input is safe (that one gets a copy).
     */
    public static Tensor gradient(float[] data, int... dims) {
        return Tensor.wrap(data, dims).fresh();
    }

    /**
     * Whether an op on {@code inputs} would be recorded: recording is on and some input requires
     * gradients. A fused op may skip saving what only its backward pass needs when this is false.
     */
    public static boolean recording(Tensor... inputs) {
        if (!GradMode.isEnabled()) {
            return false;
        }
        for (Tensor input : inputs) {
            if (input.requiresGrad()) {
                return true;
            }
        }
        return false;
    }
}
