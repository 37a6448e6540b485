package dev.dendrite.tensor;

/** Selecting by integer indices: indexSelect, gather, oneHot. */
final class IndexOps {

    private IndexOps() {
    }

    static Tensor indexSelect(Tensor x, int axis, int[] indices) {
        throw new UnsupportedOperationException("indexSelect: not yet implemented");
    }

    static Tensor gather(Tensor x, int axis, Tensor index) {
        throw new UnsupportedOperationException("gather: not yet implemented");
    }

    static Tensor oneHot(int[] labels, int classes) {
        throw new UnsupportedOperationException("oneHot: not yet implemented");
    }
}
