package dev.dendrite.optim;

import dev.dendrite.kernel.OptimizerKernels;
import dev.dendrite.nn.Parameter;
import java.util.List;

/**
 * What {@link Adam} and {@link AdamW} share: the moment estimates, bias correction, ε and AMSGrad.
 * They differ only in where weight decay goes, which {@link #decoupledDecay()} says.
 *
 * @param <T> the concrete optimizer, so the fluent setters return it
 */
public abstract sealed class AdamBase<T extends AdamBase<T>> extends Optimizer permits Adam, AdamW {

    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double eps = 1e-8;
    private boolean amsgrad;

    AdamBase(List<Parameter> parameters, double lr, double weightDecay) {
        super(parameters, lr, weightDecay);
    }

    /** True when weight decay shrinks the weights directly (AdamW), false when it is added to the gradient (Adam). */
    abstract boolean decoupledDecay();

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    /** Sets the decay rates of the first and second moment averages (default 0.9, 0.999); returns {@code this}. */
    public T betas(double beta1, double beta2) {
        this.beta1 = requireFraction("beta1", beta1, false);
        this.beta2 = requireFraction("beta2", beta2, false);
        return self();
    }

    /** The first-moment decay β₁ (what OneCycleLR cycles as momentum). */
    public double beta1() {
        return beta1;
    }

    /** The second-moment decay β₂. */
    public double beta2() {
        return beta2;
    }

    /** Sets ε, added to the denominator outside the square root (default 1e-8); returns {@code this}. */
    public T eps(double eps) {
        this.eps = requireNonNegative("eps", eps);
        return self();
    }

    /** Switches the AMSGrad variant (the running maximum of v in the denominator) on or off, before the first step; returns {@code this}. */
    public T amsgrad(boolean amsgrad) {
        this.amsgrad = amsgrad;
        return self();
    }

    @Override
    public T weightDecay(double weightDecay) {
        super.weightDecay(weightDecay);
        return self();
    }

    @Override
    public T l1(double l1) {
        super.l1(l1);
        return self();
    }

    @Override
    protected final void initState(Parameter parameter, ParamState state) {
        state.addBuffer("exp_avg", 0f);
        state.addBuffer("exp_avg_sq", 0f);
        if (amsgrad) {
            state.addBuffer("max_exp_avg_sq", 0f);
        }
    }

    @Override
    protected final void update(ParamGroup group, Parameter parameter, ParamState state) {
        long t = state.step();
        double lr = group.lr();
        double stepSize = lr / (1 - Math.pow(beta1, t));
        double bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
        double l2 = decoupledDecay() ? 0 : group.weightDecay();
        double shrink = decoupledDecay() ? 1 - lr * group.weightDecay() : 1;
        OptimizerKernels.adam(parameter.value().data(), parameter.value().gradData(), state.buffer("exp_avg"),
                state.buffer("exp_avg_sq"), amsgrad ? state.buffer("max_exp_avg_sq") : null, beta1, beta2,
                stepSize, bc2Sqrt, eps, l2, group.l1(), shrink, parameter.size());
    }
}
