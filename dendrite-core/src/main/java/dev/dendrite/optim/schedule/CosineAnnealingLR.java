package dev.dendrite.optim.schedule;

import dev.dendrite.optim.Optimizer;

/**
 * Anneals the learning rate from its base to {@code etaMin} along half a cosine over {@code tMax}
 * epochs, as torch's {@code CosineAnnealingLR} (without restarts; past {@code tMax} it rises again):
 * {@code lr_e = etaMin + (base − etaMin)·(1 + cos(π e / tMax)) / 2}, computed by torch's recurrence.
 */
public final class CosineAnnealingLR extends AbstractLRScheduler {

    private final int tMax;
    private final double etaMin;

    /** Anneals to {@code etaMin} over {@code tMax} epochs. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(optimizer);
        this.tMax = requirePositive("tMax", tMax);
        this.etaMin = etaMin;
        start();
    }

    /** Anneals to 0 over {@code tMax} epochs. */
    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0);
    }

    @Override
    protected double chainedLr(double current, double base, long epoch) {
        if (epoch == 0) {
            return current;
        }
        if (Math.floorMod(epoch - 1 - tMax, 2L * tMax) == 0) {
            return current + (base - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
        }
        return (1 + Math.cos(Math.PI * epoch / tMax)) / (1 + Math.cos(Math.PI * (epoch - 1) / tMax))
                * (current - etaMin) + etaMin;
    }

    @Override
    protected double closedFormLr(double base, long epoch) {
        return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2;
    }
}
