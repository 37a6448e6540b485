package dev.dendrite.optim.schedule;

import dev.dendrite.optim.Optimizer;

/** Multiplies the learning rate by {@code gamma} every epoch, as torch's {@code ExponentialLR}: {@code lr_e = base · gamma^e}. */
public final class ExponentialLR extends AbstractLRScheduler {

    private final double gamma;

    /** Decays by {@code gamma} each epoch. */
    public ExponentialLR(Optimizer optimizer, double gamma) {
        super(optimizer);
        this.gamma = gamma;
        start();
    }

    @Override
    protected double chainedLr(double current, double base, long epoch) {
        return epoch == 0 ? current : current * gamma;
    }

    @Override
    protected double closedFormLr(double base, long epoch) {
        return base * Math.pow(gamma, epoch);
    }
}
