package dev.dendrite.kernel;

/** The regularised gradient the optimizer updates read: {@code g + wd * p + l1 * sign(p)}. */
final class Regularization {

    private final float weightDecay;
    private final float l1;

    Regularization(double weightDecay, double l1) {
        this.weightDecay = (float) weightDecay;
        this.l1 = (float) l1;
    }

    /** {@code g + wd * p + l1 * signum(p)}, the terms left out when their strength is 0. */
    float apply(float g, float p) {
        float d = weightDecay == 0f ? g : g + weightDecay * p;
        return l1 == 0f ? d : d + l1 * Math.signum(p);
    }
}
