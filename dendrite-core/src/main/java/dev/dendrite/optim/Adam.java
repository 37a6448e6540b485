package dev.dendrite.optim;

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
public final class Adam extends AdamBase<Adam> {

    /** Adam with the default learning rate 1e-3. */
    public Adam(List<Parameter> parameters) {
        this(parameters, 1e-3);
    }

    /** Adam with learning rate {@code lr}. */
    public Adam(List<Parameter> parameters, double lr) {
        super(parameters, lr, 0);
    }

    @Override
    boolean decoupledDecay() {
        return false;
    }
}
