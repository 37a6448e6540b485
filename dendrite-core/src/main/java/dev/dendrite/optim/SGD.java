package dev.dendrite.optim;

import dev.dendrite.kernel.OptimizerKernels;
import dev.dendrite.nn.Parameter;
import java.util.List;

/**
 * Stochastic gradient descent, optionally with momentum (and dampening) or Nesterov momentum, as
 * {@code torch.optim.SGD}. With gradient g, weight decay λ, momentum μ, dampening τ, learning rate γ:
 *
 * <pre>
 *   g ← g + λ·w
 *   b ← g                        on the first step (μ ≠ 0)
 *   b ← μ·b + (1 − τ)·g          afterwards
 *   g ← g + μ·b   (Nesterov)   or   g ← b   (momentum)
 *   w ← w − γ·g
 * </pre>
 */
public final class SGD extends Optimizer {

    private double momentum;
    private double dampening;
    private boolean nesterov;

    /** Plain SGD over {@code parameters} with learning rate {@code lr}. */
    public SGD(List<Parameter> parameters, double lr) {
        super(parameters, lr, 0);
    }

    /** Sets the momentum factor μ (default 0: none); returns {@code this}. */
    public SGD momentum(double momentum) {
        this.momentum = requireNonNegative("momentum", momentum);
        return this;
    }

    /** Sets the dampening τ of momentum (default 0); returns {@code this}. */
    public SGD dampening(double dampening) {
        this.dampening = dampening;
        return this;
    }

    /** Switches Nesterov momentum on or off (default off; needs momentum > 0 and dampening 0); returns {@code this}. */
    public SGD nesterov(boolean nesterov) {
        this.nesterov = nesterov;
        return this;
    }

    @Override
    public SGD weightDecay(double weightDecay) {
        super.weightDecay(weightDecay);
        return this;
    }

    @Override
    public SGD l1(double l1) {
        super.l1(l1);
        return this;
    }

    @Override
    protected void initState(Parameter parameter, ParamState state) {
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalStateException("Nesterov momentum requires a momentum > 0 and zero dampening, have momentum "
                    + momentum + " and dampening " + dampening);
        }
        if (momentum != 0) {
            state.addBuffer("momentum_buffer", 0f);
        }
    }

    @Override
    protected void update(ParamGroup group, Parameter parameter, ParamState state) {
        float[] buffer = momentum == 0 ? null : state.buffer("momentum_buffer");
        OptimizerKernels.sgd(parameter.value().data(), parameter.value().gradData(), buffer, group.lr(),
                group.weightDecay(), group.l1(), momentum, dampening, nesterov, state.step() == 1,
                parameter.size());
    }
}
