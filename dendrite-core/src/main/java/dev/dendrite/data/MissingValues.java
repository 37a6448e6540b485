package dev.dendrite.data;

/** What a reader does with an empty (missing) cell. */
public enum MissingValues {
    /** Fail, naming the file, line and column (the default). */
    ERROR,
    /** Leave out every row that has a missing cell. */
    DROP,
    /** Fill a missing feature with its column's mean over the file's other rows (for a training file). */
    MEAN,
    /**
     * Keep a missing feature as NaN, to be filled by a {@link MeanImputer} fitted on the training split
     * only; scalers refuse NaN until then.
     */
    KEEP
}
