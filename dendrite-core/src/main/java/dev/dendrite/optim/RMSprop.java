package dev.dendrite.optim;

import dev.dendrite.kernel.OptimizerKernels;
import dev.dendrite.nn.Parameter;
import java.util.List;

/**
 * RMSprop, as {@code torch.optim.RMSprop}: steps divided by a running RMS of the gradients, optionally
 * centered (by the running mean of the gradients) and with momentum. With smoothing α, momentum μ,
 * learning rate γ, weight decay λ:
 *
 * <pre>
 *   g ← g + λ·w
 *   v ← α·v + (1 − α)·g²
 *   centered:  ḡ ← α·ḡ + (1 − α)·g,   a = √(v − ḡ²) + ε
 *   otherwise: a = √v + ε
 *   μ > 0:     b ← μ·b + g / a,   w ← w − γ·b
 *   otherwise: w ← w − γ·g / a
 * </pre>
 *
 * Defaults: lr 1e-2, alpha 0.99, eps 1e-8, momentum 0, not centered.
 */
public final class RMSprop extends Optimizer {

    private double alpha = 0.99;
    private double eps = 1e-8;
    private double momentum;
    private boolean centered;

    /** RMSprop with the default learning rate 1e-2. */
    public RMSprop(List<Parameter> parameters) {
        this(parameters, 1e-2);
    }

    /** RMSprop with learning rate {@code lr}. */
    public RMSprop(List<Parameter> parameters, double lr) {
        super(parameters, lr, 0);
    }

    /** Sets the smoothing constant α (default 0.99); returns {@code this}. */
    public RMSprop alpha(double alpha) {
        this.alpha = requireFraction("alpha", alpha, true);
        return this;
    }

    /** Sets ε, added to the RMS (default 1e-8); returns {@code this}. */
    public RMSprop eps(double eps) {
        this.eps = requireNonNegative("eps", eps);
        return this;
    }

    /** Sets the momentum μ (default 0; before the first step); returns {@code this}. */
    public RMSprop momentum(double momentum) {
        this.momentum = requireNonNegative("momentum", momentum);
        return this;
    }

    /** Normalises by the variance estimate instead of the second moment (default off; before the first step); returns {@code this}. */
    public RMSprop centered(boolean centered) {
        this.centered = centered;
        return this;
    }

    @Override
    public RMSprop weightDecay(double weightDecay) {
        super.weightDecay(weightDecay);
        return this;
    }

    @Override
    public RMSprop l1(double l1) {
        super.l1(l1);
        return this;
    }

    @Override
    protected void initState(Parameter parameter, ParamState state) {
        state.addBuffer("square_avg", 0f);
        if (momentum > 0) {
            state.addBuffer("momentum_buffer", 0f);
        }
        if (centered) {
            state.addBuffer("grad_avg", 0f);
        }
    }

    @Override
    protected void update(ParamGroup group, Parameter parameter, ParamState state) {
        float[] buffer = momentum > 0 ? state.buffer("momentum_buffer") : null;
        float[] gradAvg = centered ? state.buffer("grad_avg") : null;
        OptimizerKernels.rmsprop(parameter.value().data(), parameter.value().gradData(), state.buffer("square_avg"),
                gradAvg, buffer, group.lr(), alpha, eps, momentum, group.weightDecay(), group.l1(), parameter.size());
    }
}
