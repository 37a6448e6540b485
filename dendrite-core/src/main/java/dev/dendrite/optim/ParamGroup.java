package dev.dendrite.optim;

import dev.dendrite.nn.Parameter;
import java.util.List;

/**
 * A set of parameters that an optimizer updates with its own learning rate, weight decay and L1
 * strength, as a torch.optim parameter group: e.g. a smaller learning rate for a pretrained body than
 * for a new head. A value not set on the group is the optimizer's default.
 */
public final class ParamGroup {

    private final List<Parameter> parameters;
    private double lr = Double.NaN;
    private double weightDecay = Double.NaN;
    private double l1 = Double.NaN;
    private Optimizer owner;

    /** A group of {@code parameters} taking every setting from the optimizer it is added to. */
    public ParamGroup(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    /** Sets this group's learning rate; returns {@code this}. */
    public ParamGroup lr(double lr) {
        this.lr = Optimizer.requireNonNegative("lr", lr);
        return this;
    }

    /** Sets this group's L2 weight decay (decoupled for AdamW); returns {@code this}. */
    public ParamGroup weightDecay(double weightDecay) {
        this.weightDecay = Optimizer.requireNonNegative("weight_decay", weightDecay);
        return this;
    }

    /** Sets this group's L1 strength: {@code l1 * sign(w)} is added to the gradient; returns {@code this}. */
    public ParamGroup l1(double l1) {
        this.l1 = Optimizer.requireNonNegative("l1", l1);
        return this;
    }

    /** The parameters, in order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The learning rate: this group's own, else the optimizer's default. */
    public double lr() {
        return Double.isNaN(lr) ? owner().defaultLearningRate() : lr;
    }

    /** The L2 weight decay: this group's own, else the optimizer's default. */
    public double weightDecay() {
        return Double.isNaN(weightDecay) ? owner().weightDecay() : weightDecay;
    }

    /** The L1 strength: this group's own, else the optimizer's default. */
    public double l1() {
        return Double.isNaN(l1) ? owner().l1() : l1;
    }

    void attach(Optimizer optimizer) {
        if (owner != null) {
            throw new IllegalArgumentException("this parameter group already belongs to a "
                    + owner.getClass().getSimpleName());
        }
        owner = optimizer;
    }

    private Optimizer owner() {
        if (owner == null) {
            throw new IllegalStateException("the parameter group has no value of its own and belongs to no optimizer yet");
        }
        return owner;
    }
}
