package dev.dendrite.train.metric;

/** How a per-class score (precision, recall, F1) becomes one number, with scikit-learn's meanings. */
public enum Average {
    /** The score of the positive class (1) alone; needs two classes. scikit-learn's {@code average='binary'}. */
    BINARY,
    /** The score of the pooled counts of all classes; equals accuracy for single-label data. */
    MICRO,
    /** The unweighted mean of the per-class scores over the classes seen in targets or predictions. */
    MACRO,
    /** The mean of the per-class scores weighted by each class's number of true examples (its support). */
    WEIGHTED,
    /** No single number: read {@code perClass()}; {@code result()} fails. scikit-learn's {@code average=None}. */
    PER_CLASS
}
