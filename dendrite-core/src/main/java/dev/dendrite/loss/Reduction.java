package dev.dendrite.loss;

/** How a loss combines the per-example (or per-element) losses, as torch.nn's {@code reduction}. */
public enum Reduction {
    /** The mean (the default; for weighted losses, the weighted mean). */
    MEAN,
    /** The sum. */
    SUM,
    /** No reduction: one loss per example (or element). */
    NONE
}
