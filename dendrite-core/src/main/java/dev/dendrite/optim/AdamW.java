package dev.dendrite.optim;

import dev.dendrite.kernel.OptimizerKernels;
import dev.dendrite.nn.Parameter;
import java.util.List;

/**
 * Adam with decoupled weight decay, as {@code torch.optim.AdamW}: the weights shrink by {@code γλ}
 * each step instead of λ·w being added to the gradient. With betas β₁, β₂, learning rate γ, weight
 * decay λ, at step t:
 *
 * <pre>
 *   w ← w·(1 − γλ)
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   AMSGrad: v̂ ← max(v̂, v) and v̂ replaces v below
 *   w ← w − γ/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * Defaults: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight_decay 1e-2, no AMSGrad. An L1 term, if set,
 * is still added to the gradient.
 */
public final class AdamW extends Optimizer {

    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double eps = 1e-8;
    private boolean amsgrad;

    /** AdamW with the default learning rate 1e-3. */
    public AdamW(List<Parameter> parameters) {
        this(parameters, 1e-3);
    }

    /** AdamW with learning rate {@code lr} and the default weight decay 1e-2. */
    public AdamW(List<Parameter> parameters, double lr) {
        super(parameters, lr, 1e-2);
    }

    /** Sets the decay rates of the first and second moment averages (default 0.9, 0.999); returns {@code this}. */
    public AdamW betas(double beta1, double beta2) {
        this.beta1 = requireFraction("beta1", beta1, false);
        this.beta2 = requireFraction("beta2", beta2, false);
        return this;
    }

    /** The first-moment decay β₁. */
    public double beta1() {
        return beta1;
    }

    /** The second-moment decay β₂. */
    public double beta2() {
        return beta2;
    }

    /** Sets ε, added to the denominator (default 1e-8); returns {@code this}. */
    public AdamW eps(double eps) {
        this.eps = requireNonNegative("eps", eps);
        return this;
    }

    /** Switches the AMSGrad variant on or off, before the first step; returns {@code this}. */
    public AdamW amsgrad(boolean amsgrad) {
        this.amsgrad = amsgrad;
        return this;
    }

    /** Sets the default decoupled weight decay λ (default 1e-2); returns {@code this}. */
    @Override
    public AdamW weightDecay(double weightDecay) {
        super.weightDecay(weightDecay);
        return this;
    }

    @Override
    public AdamW l1(double l1) {
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
        double lr = group.lr();
        double stepSize = lr / (1 - Math.pow(beta1, t));
        double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
        OptimizerKernels.adam(parameter.value().data(), parameter.grad().data(), state.buffer("exp_avg"),
                state.buffer("exp_avg_sq"), amsgrad ? state.buffer("max_exp_avg_sq") : null, beta1, beta2,
                stepSize, bc2Sqrt, eps, 0, group.l1(), 1 - lr * group.weightDecay(), parameter.size());
    }
}
