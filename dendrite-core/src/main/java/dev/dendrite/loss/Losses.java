package dev.dendrite.loss;

import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.ShapeMismatchException;
import dev.dendrite.tensor.Tensor;
import java.util.Objects;

/** What the losses share: shape checks, option checks and the final reduction. */
final class Losses {

    private Losses() {
    }

    /** Fails unless prediction and target have the same shape, naming the loss and both shapes. */
    static void requireSameShape(String loss, Tensor prediction, Tensor target) {
        if (!prediction.shape().equals(target.shape())) {
            throw new ShapeMismatchException(loss + ": prediction " + prediction.shape() + " and target "
                    + target.shape() + " must have the same shape");
        }
    }

    /** {@code reduction}, or an error when it is null. */
    static Reduction requireReduction(Reduction reduction) {
        return Objects.requireNonNull(reduction, "reduction must not be null (use Reduction.NONE for none)");
    }

    /** The per-element losses reduced as asked: their mean, their sum, or themselves. */
    static Tensor reduce(Tensor losses, Reduction reduction) {
        return switch (reduction) {
            case MEAN -> losses.mean();
            case SUM -> losses.sum();
            case NONE -> losses;
        };
    }

    /** A detached copy of an elementwise weight (checked against each prediction by {@link #requireBroadcastsTo}). */
    static Tensor copyWeight(Tensor weight) {
        return Objects.requireNonNull(weight, "weight must not be null").detach().copy();
    }

    /** Fails unless {@code weight} broadcasts to the prediction's shape without enlarging it. */
    static void requireBroadcastsTo(String loss, String what, Tensor weight, Tensor prediction) {
        boolean fits;
        try {
            fits = Shape.broadcast(loss, weight.shape(), prediction.shape()).equals(prediction.shape());
        } catch (ShapeMismatchException e) {
            fits = false;
        }
        if (!fits) {
            throw new ShapeMismatchException(loss + ": " + what + " " + weight.shape()
                    + " does not broadcast to prediction " + prediction.shape());
        }
    }

    /** A copy of class weights, which must form a 1-D tensor. */
    static float[] classWeights(String loss, Tensor weight) {
        Objects.requireNonNull(weight, "weight must not be null");
        if (weight.rank() != 1) {
            throw new ShapeMismatchException(loss + ": class weights must be 1-D [classes], got " + weight.shape());
        }
        return weight.toArray();
    }

    /** Fails unless the class weights have one entry per class. */
    static void requireClassWeights(String loss, float[] weight, Tensor prediction, int classes) {
        if (weight != null && weight.length != classes) {
            throw new ShapeMismatchException(loss + ": weight [" + weight.length + "] does not match the "
                    + classes + " classes of prediction " + prediction.shape());
        }
    }
}
