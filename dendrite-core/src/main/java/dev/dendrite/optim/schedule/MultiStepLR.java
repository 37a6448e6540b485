package dev.dendrite.optim.schedule;

import dev.dendrite.optim.Optimizer;
import java.util.Arrays;

/**
 * Multiplies the learning rate by {@code gamma} at each milestone epoch, as torch's {@code MultiStepLR}:
 * {@code lr_e = base · gamma^(number of milestones ≤ e)} (a milestone listed twice counts twice).
 */
public final class MultiStepLR extends AbstractLRScheduler {

    private final int[] milestones;
    private final double gamma;

    /** Decays by {@code gamma} at each of {@code milestones} (epochs, in increasing order). */
    public MultiStepLR(Optimizer optimizer, int[] milestones, double gamma) {
        super(optimizer);
        this.milestones = milestones.clone();
        for (int i = 0; i < milestones.length; i++) {
            if (milestones[i] < 0 || (i > 0 && milestones[i] < milestones[i - 1])) {
                throw new IllegalArgumentException("milestones must be non-negative and increasing, got "
                        + Arrays.toString(milestones));
            }
        }
        this.gamma = gamma;
        start();
    }

    /** Decays by torch's default gamma 0.1 at each of {@code milestones}. */
    public MultiStepLR(Optimizer optimizer, int... milestones) {
        this(optimizer, milestones, 0.1);
    }

    @Override
    protected double chainedLr(double current, double base, long epoch) {
        int hits = 0;
        for (int milestone : milestones) {
            if (milestone == epoch) {
                hits++;
            }
        }
        return hits == 0 ? current : current * Math.pow(gamma, hits);
    }

    @Override
    protected double closedFormLr(double base, long epoch) {
        int passed = 0;
        for (int milestone : milestones) {
            if (milestone <= epoch) {
                passed++;
            }
        }
        return base * Math.pow(gamma, passed);
    }
}
