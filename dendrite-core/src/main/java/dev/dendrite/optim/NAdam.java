package dev.dendrite.optim;

import dev.dendrite.kernel.OptimizerKernels;
import dev.dendrite.nn.Parameter;
import dev.dendrite.tensor.Shape;
import java.util.List;

/**
 * Adam with Nesterov momentum, as {@code torch.optim.NAdam}, including its momentum schedule. With
 * betas β₁, β₂, momentum decay ψ, learning rate γ, weight decay λ, at step t:
 *
 * <pre>
 *   g ← g + λ·w
 *   μₜ = β₁·(1 − ½·0.96^(tψ)),   μₜ₊₁ = β₁·(1 − ½·0.96^((t+1)ψ))
 *   Πₜ = μ₁·…·μₜ                 (kept per parameter as float32, as torch does)
 *   m ← β₁·m + (1 − β₁)·g
 *   v ← β₂·v + (1 − β₂)·g²
 *   d = √(v / (1 − β₂ᵗ)) + ε
 *   w ← w − γ(1 − μₜ)/(1 − Πₜ) · g/d − γμₜ₊₁/(1 − Πₜμₜ₊₁) · m/d
 * </pre>
 *
 * Defaults: lr 2e-3, betas (0.9, 0.999), eps 1e-8, momentum_decay 4e-3.
 *
 * <p>This is the documented rule, as PyTorch 2 computes it. PyTorch 1.13 and earlier multiplied μₜ
 * into Πₜ₊₁ twice (fixed in pytorch/pytorch#92699), so their steps differ slightly from these.
 */
public final class NAdam extends Optimizer {

    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double eps = 1e-8;
    private double momentumDecay = 4e-3;

    /** NAdam with the default learning rate 2e-3. */
    public NAdam(List<Parameter> parameters) {
        this(parameters, 2e-3);
    }

    /** NAdam with learning rate {@code lr}. */
    public NAdam(List<Parameter> parameters, double lr) {
        super(parameters, lr, 0);
    }

    /** Sets the decay rates of the first and second moment averages (default 0.9, 0.999); returns {@code this}. */
    public NAdam betas(double beta1, double beta2) {
        this.beta1 = requireFraction("beta1", beta1, false);
        this.beta2 = requireFraction("beta2", beta2, false);
        return this;
    }

    /** Sets ε, added to the denominator (default 1e-8); returns {@code this}. */
    public NAdam eps(double eps) {
        this.eps = requireNonNegative("eps", eps);
        return this;
    }

    /** Sets the momentum decay ψ of the μₜ schedule (default 4e-3); returns {@code this}. */
    public NAdam momentumDecay(double momentumDecay) {
        this.momentumDecay = requireNonNegative("momentum_decay", momentumDecay);
        return this;
    }

    @Override
    public NAdam weightDecay(double weightDecay) {
        super.weightDecay(weightDecay);
        return this;
    }

    @Override
    public NAdam l1(double l1) {
        super.l1(l1);
        return this;
    }

    @Override
    protected void initState(Parameter parameter, ParamState state) {
        state.addBuffer("mu_product", Shape.scalar(), 1f);
        state.addBuffer("exp_avg", 0f);
        state.addBuffer("exp_avg_sq", 0f);
    }

    @Override
    protected void update(ParamGroup group, Parameter parameter, ParamState state) {
        long t = state.step();
        double lr = group.lr();
        double mu = beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
        double muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * momentumDecay));
        float[] muProduct = state.buffer("mu_product");
        muProduct[0] *= (float) mu;
        double muProductNext = muProduct[0] * muNext;
        double gradFactor = -lr * (1 - mu) / (1 - muProduct[0]);
        double avgFactor = -lr * muNext / (1 - muProductNext);
        OptimizerKernels.nadam(parameter.value().data(), parameter.value().gradData(), state.buffer("exp_avg"),
                state.buffer("exp_avg_sq"), beta1, beta2, 1 - Math.pow(beta2, t), eps, gradFactor, avgFactor,
                group.weightDecay(), group.l1(), parameter.size());
    }
}
