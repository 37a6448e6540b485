package dev.dendrite.optim;

import dev.dendrite.kernel.OptimizerKernels;
import dev.dendrite.nn.Parameter;
import java.util.List;

/**
 * Adagrad, as {@code torch.optim.Adagrad}: each weight's step shrinks with the sum of its squared
 * gradients. With learning rate γ, lr decay η, weight decay λ, at step t:
 *
 * <pre>
 *   g ← g + λ·w
 *   γ_t = γ / (1 + (t − 1)·η)
 *   s ← s + g²                    (s starts at initial_accumulator_value)
 *   w ← w − γ_t · g / (√s + ε)
 * </pre>
 *
 * Defaults: lr 1e-2, lr_decay 0, initial_accumulator_value 0, eps 1e-10.
 */
public final class Adagrad extends Optimizer {

    private double lrDecay;
    private double initialAccumulatorValue;
    private double eps = 1e-10;

    /** Adagrad with the default learning rate 1e-2. */
    public Adagrad(List<Parameter> parameters) {
        this(parameters, 1e-2);
    }

    /** Adagrad with learning rate {@code lr}. */
    public Adagrad(List<Parameter> parameters, double lr) {
        super(parameters, lr, 0);
    }

    /** Sets the learning-rate decay η (default 0); returns {@code this}. */
    public Adagrad lrDecay(double lrDecay) {
        this.lrDecay = requireNonNegative("lr_decay", lrDecay);
        return this;
    }

    /** Sets the starting value of the squared-gradient sums (default 0; before the first step); returns {@code this}. */
    public Adagrad initialAccumulatorValue(double value) {
        this.initialAccumulatorValue = requireNonNegative("initial_accumulator_value", value);
        return this;
    }

    /** Sets ε, added to the root of the sums (default 1e-10); returns {@code this}. */
    public Adagrad eps(double eps) {
        this.eps = requireNonNegative("eps", eps);
        return this;
    }

    @Override
    public Adagrad weightDecay(double weightDecay) {
        super.weightDecay(weightDecay);
        return this;
    }

    @Override
    public Adagrad l1(double l1) {
        super.l1(l1);
        return this;
    }

    @Override
    protected void initState(Parameter parameter, ParamState state) {
        state.addBuffer("sum", (float) initialAccumulatorValue);
    }

    @Override
    protected void update(ParamGroup group, Parameter parameter, ParamState state) {
        double clr = group.lr() / (1 + (state.step() - 1) * lrDecay);
        OptimizerKernels.adagrad(parameter.value().data(), parameter.value().gradData(), state.buffer("sum"), clr, eps,
                group.weightDecay(), group.l1(), parameter.size());
    }
}
