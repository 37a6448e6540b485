package dev.dendrite.cli;

/** What the network learns, from the target column. */
enum Task {
    /** Decide from the target: text or a few integer values are classes (two: binary), else regression. */
    AUTO,
    /** Two classes, one logit. */
    BINARY,
    /** Several classes, one logit per class. */
    MULTICLASS,
    /** One number. */
    REGRESSION;

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
