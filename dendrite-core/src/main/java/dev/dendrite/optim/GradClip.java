package dev.dendrite.optim;

import dev.dendrite.kernel.OptimizerKernels;
import dev.dendrite.nn.Parameter;
import java.util.List;

/**
 * Gradient clipping between {@code backward()} and {@code step()}, as {@code torch.nn.utils}'s
 * {@code clip_grad_norm_} and {@code clip_grad_value_}. Parameters without a gradient are ignored.
 */
public final class GradClip {

    private GradClip() {
    }

    /**
     * Scales all gradients together so that their global L2 norm (over every gradient as one vector) is at
     * most {@code maxNorm}, by {@code maxNorm / (norm + 1e-6)} when the norm exceeds it; returns the norm
     * before clipping. A NaN or infinite norm is returned with the gradients left untouched, so the
     * caller can stop or skip the step.
     */
    public static double clipGradNorm(List<Parameter> parameters, double maxNorm) {
        return clipGradNorm(parameters, maxNorm, 2);
    }

    /**
     * As {@link #clipGradNorm(List, double)} for the p-norm of the given type: 2 (Euclidean) or
     * {@code Double.POSITIVE_INFINITY} (largest absolute value).
     */
    public static double clipGradNorm(List<Parameter> parameters, double maxNorm, double normType) {
        Optimizer.requireNonNegative("max_norm", maxNorm);
        double norm;
        if (normType == 2) {
            double sum = 0;
            for (Parameter parameter : parameters) {
                float[] grad = parameter.value().gradData();
                if (grad != null) {
                    sum += OptimizerKernels.sumOfSquares(grad, grad.length);
                }
            }
            norm = Math.sqrt(sum);
        } else if (normType == Double.POSITIVE_INFINITY) {
            norm = 0;
            for (Parameter parameter : parameters) {
                float[] grad = parameter.value().gradData();
                if (grad != null) {
                    norm = Math.max(norm, OptimizerKernels.maxAbs(grad, grad.length));
                }
            }
        } else {
            throw new IllegalArgumentException("clipGradNorm supports norm types 2 and infinity, got " + normType);
        }
        if (!Double.isFinite(norm)) {
            return norm;
        }
        double coefficient = maxNorm / (norm + 1e-6);
        if (coefficient < 1) {
            for (Parameter parameter : parameters) {
                float[] grad = parameter.value().gradData();
                if (grad != null) {
                    OptimizerKernels.scale(grad, coefficient, grad.length);
                }
            }
        }
        return norm;
    }

    /** Limits every gradient value to {@code [-clip, clip]}. */
    public static void clipGradValue(List<Parameter> parameters, double clip) {
        Optimizer.requireNonNegative("clip_value", clip);
        for (Parameter parameter : parameters) {
            float[] grad = parameter.value().gradData();
            if (grad != null) {
                OptimizerKernels.clamp(grad, clip, grad.length);
            }
        }
    }
}
