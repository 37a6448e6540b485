package dev.dendrite.optim;

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
public final class AdamW extends AdamBase<AdamW> {

    /** AdamW with the default learning rate 1e-3. */
    public AdamW(List<Parameter> parameters) {
        this(parameters, 1e-3);
    }

    /** AdamW with learning rate {@code lr} and the default decoupled weight decay 1e-2. */
    public AdamW(List<Parameter> parameters, double lr) {
        super(parameters, lr, 1e-2);
    }

    @Override
    boolean decoupledDecay() {
        return true;
    }
}
