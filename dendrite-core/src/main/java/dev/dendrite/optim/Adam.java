package dev.dendrite.optim;

import dev.dendrite.kernel.OptimizerKernels;
import dev.dendrite.nn.Parameter;
import java.util.List;

/**
 * Adam, as {@code torch.optim.Adam}, with the AMSGrad variant behind {@link #amsgrad(boolean)}. With
 * betas β₁, β₂, learning rate γ, weight decay λ (L2, added to the gradient), at step t:
 *
 * <pre>
 *   g ← g + λ·w
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   AMSGrad: v̂ ← max(v̂, v) and v̂ replaces v below
 *   w ← w − γ/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * Defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8 (outside the root), no AMSGrad. For decoupled weight
 * decay use {@link AdamW}.
 */
public final class Adam extends Optimizer {

    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double eps = 1e-8;
    private boolean amsgrad;

    /** Adam with the default learning rate 1e-3. */
    public Adam(List<Parameter> parameters) {
        this(parameters, 1e-3);
    }

    /** Adam with learning rate {@code lr}. */
    public Adam(List<Parameter> parameters, double lr) {
        super(parameters, lr, 0);
    }

    /** Sets the decay rates of the first and second moment averages (default 0.9, 0.999); returns {@code this}. */
    public Adam betas(double beta1, double beta2) {
        this.beta1 = requireFraction("beta1", beta1, false);
        this.beta2 = requireFraction("beta2", beta2, false);
        return this;
    }

    /** The first-moment decay β₁ (what OneCycleLR cycles as momentum). */
    public double beta1() {
        return beta1;
    }

    /** The second-moment decay β₂. */
    public double beta2() {
        return beta2;
    }

    /** Sets ε, added to the denominator (default 1e-8); returns {@code this}. */
    public Adam eps(double eps) {
        this.eps = requireNonNegative("eps", eps);
        return this;
    }

    /** Switches the AMSGrad variant (the running maximum of v in the denominator) on or off, before the first step; returns {@code this}. */
    public Adam amsgrad(boolean amsgrad) {
        this.amsgrad = amsgrad;
        return this;
    }

    @Override
    public Adam weightDecay(double weightDecay) {
        super.weightDecay(weightDecay);
        return this;
    }

    @Override
    public Adam l1(double l1) {
        super.l1(l1);
        return this;
    }

    @Override
    protected void initState(Parameter parameter, ParamState state) {
        state.addBuffer("exp_avg", 0f);
        state.addBuffer("exp_avg_sq", 0f);
        if (amsgrad) {
            state.addBuffer("max_exp_avg_sq", 0f);
        }
    }

    @Override
    protected void update(ParamGroup group, Parameter parameter, ParamState state) {
        long t = state.step();
        double stepSize = group.lr() / (1 - Math.pow(beta1, t));
        double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
        OptimizerKernels.adam(parameter.value().data(), parameter.grad().data(), state.buffer("exp_avg"),
                state.buffer("exp_avg_sq"), amsgrad ? state.buffer("max_exp_avg_sq") : null, beta1, beta2,
                stepSize, bc2Sqrt, eps, group.weightDecay(), group.l1(), 1, parameter.size());
    }
}
