package dev.dendrite.optim;

import dev.dendrite.kernel.OptimizerKernels;
import dev.dendrite.nn.Parameter;
import java.util.List;

/**
 * Adadelta, as {@code torch.optim.Adadelta}: steps scaled by the ratio of running RMS of past updates
 * to running RMS of gradients. With decay ρ, learning rate γ, weight decay λ:
 *
 * <pre>
 *   g ← g + λ·w
 *   v ← ρ·v + (1 − ρ)·g²
 *   Δ = √(u + ε) / √(v + ε) · g
 *   u ← ρ·u + (1 − ρ)·Δ²
 *   w ← w − γ·Δ
 * </pre>
 *
 * Defaults: lr 1.0, rho 0.9, eps 1e-6.
 */
public final class Adadelta extends Optimizer {

    private double rho = 0.9;
    private double eps = 1e-6;

    /** Adadelta with the default learning rate 1.0. */
    public Adadelta(List<Parameter> parameters) {
        this(parameters, 1.0);
    }

    /** Adadelta with learning rate {@code lr} (a factor on the computed step). */
    public Adadelta(List<Parameter> parameters, double lr) {
        super(parameters, lr, 0);
    }

    /** Sets the decay ρ of the running averages (default 0.9); returns {@code this}. */
    public Adadelta rho(double rho) {
        this.rho = requireFraction("rho", rho, true);
        return this;
    }

    /** Sets ε inside the square roots (default 1e-6); returns {@code this}. */
    public Adadelta eps(double eps) {
        this.eps = requireNonNegative("eps", eps);
        return this;
    }

    @Override
    public Adadelta weightDecay(double weightDecay) {
        super.weightDecay(weightDecay);
        return this;
    }

    @Override
    public Adadelta l1(double l1) {
        super.l1(l1);
        return this;
    }

    @Override
    protected void initState(Parameter parameter, ParamState state) {
        state.addBuffer("square_avg", 0f);
        state.addBuffer("acc_delta", 0f);
    }

    @Override
    protected void update(ParamGroup group, Parameter parameter, ParamState state) {
        OptimizerKernels.adadelta(parameter.value().data(), parameter.value().gradData(), state.buffer("square_avg"),
                state.buffer("acc_delta"), group.lr(), rho, eps, group.weightDecay(), group.l1(), parameter.size());
    }
}
