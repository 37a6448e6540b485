package dev.dendrite.tensor;

/** Thrown when an op's operands do not fit; the message names the op and the shapes involved. */
public class ShapeMismatchException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** An error with a message naming the op and the shapes, e.g. {@code matmul: [128, 783] x [784, 256]}. */
    public ShapeMismatchException(String message) {
        super(message);
    }
}
