package dev.dendrite.optim.schedule;

import dev.dendrite.optim.Optimizer;

/**
 * Multiplies the learning rate by {@code gamma} every {@code stepSize} epochs, as torch's {@code StepLR}:
 * {@code lr_e = base · gamma^⌊e / stepSize⌋}.
 */
public final class StepLR extends AbstractLRScheduler {

    private final int stepSize;
    private final double gamma;

    /** Decays by {@code gamma} every {@code stepSize} epochs. */
    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(optimizer);
        this.stepSize = requirePositive("stepSize", stepSize);
        this.gamma = gamma;
        start();
    }

    /** Decays by torch's default gamma 0.1 every {@code stepSize} epochs. */
    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    @Override
    protected double chainedLr(double current, double base, long epoch) {
        return epoch == 0 || epoch % stepSize != 0 ? current : current * gamma;
    }

    @Override
    protected double closedFormLr(double base, long epoch) {
        return base * Math.pow(gamma, epoch / stepSize);
    }
}
