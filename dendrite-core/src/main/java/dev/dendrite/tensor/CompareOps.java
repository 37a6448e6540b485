package dev.dendrite.tensor;

/** Comparisons giving 0/1 masks, and where(condition, a, b). */
final class CompareOps {

    private CompareOps() {
    }

    /** The comparison a mask tests. */
    enum Comparison { EQ, NE, GT, GE, LT, LE }

    static Tensor compare(Tensor a, Tensor b, Comparison comparison) {
        throw new UnsupportedOperationException("comparisons: not yet implemented");
    }

    static Tensor where(Tensor condition, Tensor ifTrue, Tensor ifFalse) {
        throw new UnsupportedOperationException("where: not yet implemented");
    }
}
