package dev.dendrite.cli;

import dev.dendrite.optim.Optimizer;
import dev.dendrite.optim.schedule.CosineAnnealingLR;
import dev.dendrite.optim.schedule.ExponentialLR;
import dev.dendrite.optim.schedule.MultiStepLR;
import dev.dendrite.optim.schedule.OneCycleLR;
import dev.dendrite.optim.schedule.ReduceLROnPlateau;
import dev.dendrite.optim.schedule.StepLR;
import dev.dendrite.train.callback.LearningRateScheduler;
import java.util.Arrays;
import java.util.Locale;

/**
 * The {@code --schedule} option: a learning-rate schedule written as {@code name[:arg[:arg]]}, with
 * torch.optim.lr_scheduler's meaning and defaults.
 *
 * <ul>
 *   <li>{@code none} (default): a constant rate</li>
 *   <li>{@code step:SIZE[:GAMMA]}: times GAMMA (0.1) every SIZE epochs</li>
 *   <li>{@code multistep:E1,E2,...[:GAMMA]}: times GAMMA (0.1) at each listed epoch</li>
 *   <li>{@code exponential:GAMMA}: times GAMMA every epoch</li>
 *   <li>{@code cosine[:TMAX]}: cosine annealing to 0 over TMAX epochs (default: all of them)</li>
 *   <li>{@code plateau[:PATIENCE[:FACTOR]]}: times FACTOR (0.1) when val_loss has not improved for
 *       PATIENCE (10) epochs</li>
 *   <li>{@code onecycle[:MAXLR]}: one cycle over every batch of the run, peaking at MAXLR (default:
 *       the learning rate)</li>
 * </ul>
 */
final class Schedules {

    static final String HELP = "none, step:SIZE[:GAMMA], multistep:E1,E2[:GAMMA], exponential:GAMMA, cosine[:TMAX], "
            + "plateau[:PATIENCE[:FACTOR]], onecycle[:MAXLR] (default: none).";

    private Schedules() {
    }

    /**
     * The callback that runs {@code spec} on {@code optimizer}, or null for {@code none}.
     *
     * @param epochs         the run's epochs (cosine's default period, one-cycle's length)
     * @param batchesPerEpoch batches in one epoch (one-cycle steps per batch)
     * @throws UsageException if the spec is not one of the forms above
     */
    static LearningRateScheduler parse(String spec, Optimizer optimizer, int epochs, int batchesPerEpoch) {
        String[] parts = spec.trim().toLowerCase(Locale.ROOT).split(":", -1);
        String name = parts[0];
        try {
            return switch (name) {
                case "none", "constant" -> {
                    arguments(spec, parts, 0, 0);
                    yield null;
                }
                case "step" -> {
                    arguments(spec, parts, 1, 2);
                    yield new LearningRateScheduler(new StepLR(optimizer, positiveInt(spec, parts[1]), gamma(spec, parts, 2)));
                }
                case "multistep" -> {
                    arguments(spec, parts, 1, 2);
                    int[] milestones = Arrays.stream(parts[1].split(",")).mapToInt(m -> positiveInt(spec, m)).toArray();
                    for (int i = 1; i < milestones.length; i++) {
                        if (milestones[i] <= milestones[i - 1]) {
                            throw usage(spec, "milestones must increase");
                        }
                    }
                    yield new LearningRateScheduler(new MultiStepLR(optimizer, milestones, gamma(spec, parts, 2)));
                }
                case "exponential" -> {
                    arguments(spec, parts, 1, 1);
                    yield new LearningRateScheduler(new ExponentialLR(optimizer, positive(spec, parts[1])));
                }
                case "cosine" -> {
                    arguments(spec, parts, 0, 1);
                    int period = parts.length > 1 ? positiveInt(spec, parts[1]) : epochs;
                    yield new LearningRateScheduler(new CosineAnnealingLR(optimizer, period));
                }
                case "plateau" -> {
                    arguments(spec, parts, 0, 2);
                    ReduceLROnPlateau plateau = new ReduceLROnPlateau(optimizer)
                            .patience(parts.length > 1 ? nonNegativeInt(spec, parts[1]) : 10);
                    if (parts.length > 2) {
                        double factor = positive(spec, parts[2]);
                        if (factor >= 1) {
                            throw usage(spec, "the factor must be below 1");
                        }
                        plateau.factor(factor);
                    }
                    yield LearningRateScheduler.monitoring(plateau, "val_loss");
                }
                case "onecycle" -> {
                    arguments(spec, parts, 0, 1);
                    double maxLr = parts.length > 1 ? positive(spec, parts[1]) : optimizer.learningRate();
                    yield new LearningRateScheduler(new OneCycleLR(optimizer, maxLr, epochs * batchesPerEpoch)).perBatch();
                }
                default -> throw usage(spec, "unknown schedule '" + name + "'");
            };
        } catch (IllegalArgumentException e) { // a value the schedule's constructor refuses
            throw usage(spec, e.getMessage());
        }
    }

    private static void arguments(String spec, String[] parts, int least, int most) {
        int given = parts.length - 1;
        if (given < least || given > most) {
            throw usage(spec, parts[0] + " takes " + (least == most ? String.valueOf(least) : least + " to " + most)
                    + " argument" + (most == 1 ? "" : "s") + " after ':', got " + given);
        }
    }

    private static double gamma(String spec, String[] parts, int at) {
        return parts.length > at ? positive(spec, parts[at]) : 0.1;
    }

    private static double positive(String spec, String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw usage(spec, "'" + text + "' is not a number");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw usage(spec, "'" + text + "' must be a positive number");
        }
        return value;
    }

    private static int positiveInt(String spec, String text) {
        int value = nonNegativeInt(spec, text);
        if (value == 0) {
            throw usage(spec, "'" + text + "' must be at least 1");
        }
        return value;
    }

    private static int nonNegativeInt(String spec, String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 0) {
                throw usage(spec, "'" + text + "' must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw usage(spec, "'" + text + "' is not a whole number");
        }
    }

    private static UsageException usage(String spec, String why) {
        return new UsageException("--schedule " + spec + ": " + why + "; expected " + HELP);
    }
}
