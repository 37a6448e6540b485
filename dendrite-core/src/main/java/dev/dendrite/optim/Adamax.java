package dev.dendrite.optim;

import dev.dendrite.kernel.OptimizerKernels;
import dev.dendrite.nn.Parameter;
import java.util.List;

/**
 * Adamax, the infinity-norm variant of Adam, as {@code torch.optim.Adamax}. With betas β₁, β₂,
 * learning rate γ, weight decay λ, at step t:
 *
 * <pre>
 *   g ← g + λ·w
 *   m ← β₁·m + (1 − β₁)·g
 *   u ← max(β₂·u, |g| + ε)
 *   w ← w − γ/(1 − β₁ᵗ) · m / u
 * </pre>
 *
 * Defaults: lr 2e-3, betas (0.9, 0.999), eps 1e-8.
 */
public final class Adamax extends Optimizer {

    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double eps = 1e-8;

    /** Adamax with the default learning rate 2e-3. */
    public Adamax(List<Parameter> parameters) {
        this(parameters, 2e-3);
    }

    /** Adamax with learning rate {@code lr}. */
    public Adamax(List<Parameter> parameters, double lr) {
        super(parameters, lr, 0);
    }

    /** Sets β₁ (first moment) and β₂ (infinity norm) decay (default 0.9, 0.999); returns {@code this}. */
    public Adamax betas(double beta1, double beta2) {
        this.beta1 = requireFraction("beta1", beta1, false);
        this.beta2 = requireFraction("beta2", beta2, false);
        return this;
    }

    /** Sets ε, added to |g| (default 1e-8); returns {@code this}. */
    public Adamax eps(double eps) {
        this.eps = requireNonNegative("eps", eps);
        return this;
    }

    @Override
    public Adamax weightDecay(double weightDecay) {
        super.weightDecay(weightDecay);
        return this;
    }

    @Override
    public Adamax l1(double l1) {
        super.l1(l1);
        return this;
    }

    @Override
    protected void initState(Parameter parameter, ParamState state) {
        state.addBuffer("exp_avg", 0f);
        state.addBuffer("exp_inf", 0f);
    }

    @Override
    protected void update(ParamGroup group, Parameter parameter, ParamState state) {
        double clr = group.lr() / (1 - Math.pow(beta1, state.step()));
        OptimizerKernels.adamax(parameter.value().data(), parameter.value().gradData(), state.buffer("exp_avg"),
                state.buffer("exp_inf"), beta1, beta2, clr, eps, group.weightDecay(), group.l1(), parameter.size());
    }
}
