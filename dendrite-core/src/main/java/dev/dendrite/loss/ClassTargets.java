package dev.dendrite.loss;

import dev.dendrite.tensor.Tensor;

/**
 * Class-index targets, as the classification losses read them: a tensor of integer values (stored as
 * floats) turned into {@code int} indices, with ignored positions marked -1, and the reduction of
 * the per-example losses they select.
 */
final class ClassTargets {

    private ClassTargets() {
    }

    /**
     * The targets as class indices in {@code [0, classes)}, -1 where a target equals {@code ignoreIndex};
     * fails naming the loss, the value and its position when a target is not such an index.
     */
    static int[] indices(String loss, Tensor target, int classes, int ignoreIndex) {
        float[] values = target.data();
        int[] indices = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            float value = values[i];
            if (value == ignoreIndex) {
                indices[i] = -1;
            } else if (value != Math.rint(value) || value < 0 || value >= classes) {
                throw new IndexOutOfBoundsException(loss + ": target " + describe(value) + " at position " + i
                        + (value == Math.rint(value) ? " is out of range for " + classes + " classes" : " is not a class index")
                        + (ignoreIndex == -100 ? "" : " (ignoreIndex is " + ignoreIndex + ")"));
            } else {
                indices[i] = (int) value;
            }
        }
        return indices;
    }

    /** A target value as an error message shows it: integers without ".0". */
    private static String describe(float value) {
        return value == Math.rint(value) && !Float.isInfinite(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** The divisor of the weighted mean: the summed weights of the targets that are not ignored (their count without weights). */
    static double weightSum(int[] targets, float[] weight) {
        double sum = 0;
        for (int t : targets) {
            if (t >= 0) {
                sum += weight == null ? 1.0 : weight[t];
            }
        }
        return sum;
    }

    /** The reduced loss of per-example losses {@code losses}: itself, their sum, or their sum over {@code divisor}. */
    static float[] reduce(float[] losses, Reduction reduction, double divisor) {
        if (reduction == Reduction.NONE) {
            return losses;
        }
        double sum = 0;
        for (float loss : losses) {
            sum += loss;
        }
        return new float[] {(float) (reduction == Reduction.MEAN ? sum / divisor : sum)};
    }

    /** How much each example's loss counts in the backward pass, given the upstream gradient {@code g} of the reduced loss. */
    static float[] scale(Tensor g, Reduction reduction, int rows, double divisor) {
        if (reduction == Reduction.NONE) {
            return g.data();
        }
        float[] scale = new float[rows];
        java.util.Arrays.fill(scale, (float) (reduction == Reduction.MEAN ? g.item() / divisor : g.item()));
        return scale;
    }
}
