/**
 * Evaluation metrics for the training loop: streaming {@link dev.dendrite.train.metric.Metric}s that
 * accumulate over the batches of an epoch and report one number.
 *
 * <h2>What predictions and targets look like</h2>
 * <ul>
 *   <li><b>Multi-class</b>: predictions {@code [b, C]} with {@code C >= 2}, logits or probabilities
 *       (the predicted class is the row's argmax, the first on ties, so both give the same
 *       answer); targets {@code [b]} holding class indices as float values {@code 0..C-1}, or
 *       {@code [b, C]} one-hot or soft labels (the true class is their argmax).
 *   <li><b>Binary</b>: predictions {@code [b]} or {@code [b, 1]}, probabilities of the positive
 *       class, or logits when the metric is built with {@code fromLogits}; targets {@code [b]} or
 *       {@code [b, 1]} of 0 and 1. An example is predicted positive when its probability is
 *       strictly above the threshold (0.5 by default; with logits, when the logit is above
 *       {@code log(t / (1 - t))}, which is 0 for 0.5).
 *   <li><b>Regression</b>: predictions and targets of the same shape ({@code [b]} and {@code [b, 1]}
 *       count as the same).
 * </ul>
 *
 * <h2>Edge cases, as scikit-learn</h2>
 * A ratio whose denominator is zero (precision when nothing is predicted positive, recall when a
 * class never occurs) counts as 0, which is scikit-learn's {@code zero_division} default. A metric
 * that has seen no examples, or whose value is undefined on what it saw (ROC AUC with a single
 * class, R² with fewer than two examples), reports {@code NaN} rather than failing the training run.
 *
 * <p>Metrics read the tensors' values directly: they build no autodiff graph and never change their
 * inputs. Inputs that do not fit fail at once with an error naming the metric and both shapes.
 */
package dev.dendrite.train.metric;
