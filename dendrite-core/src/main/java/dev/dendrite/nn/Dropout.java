package dev.dendrite.nn;

import dev.dendrite.tensor.Tensor;
import java.util.random.RandomGenerator;

/**
 * Inverted dropout: in training mode each element is zeroed with probability {@code p} and the
 * survivors are scaled by {@code 1 / (1 - p)}, so evaluation mode (where the layer passes its input
 * through) needs no rescaling. The masks come from the layer's own seeded stream.
 */
public final class Dropout extends Module {

    private final float p;
    private RandomGenerator random;

    /** Drops each element with probability {@code p}, in {@code [0, 1]}. */
    public Dropout(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Dropout probability must be in [0, 1], got " + p);
        }
        this.p = (float) p;
        this.random = Seeds.next();
    }

    /** The drop probability. */
    public float p() {
        return p;
    }

    @Override
    protected void initialize(RandomGenerator source) {
        reseedOwn(source);
    }

    @Override
    protected void reseedOwn(RandomGenerator source) {
        this.random = Tensor.generator(source.nextLong());
    }

    /** In training mode, {@code input * mask / (1 - p)} with a fresh Bernoulli mask; in evaluation mode, the input. */
    @Override
    public Tensor forward(Tensor input) {
        if (!isTraining() || p == 0f) {
            return input;
        }
        if (p == 1f) {
            return input.mul(0f);
        }
        float keep = 1f - p;
        float scale = 1f / keep;
        float[] mask = new float[input.size()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextFloat() < keep ? scale : 0f;
        }
        return input.mul(Tensor.wrap(mask, input.dims()));
    }

    @Override
    protected String describe() {
        return "p=" + p;
    }
}
