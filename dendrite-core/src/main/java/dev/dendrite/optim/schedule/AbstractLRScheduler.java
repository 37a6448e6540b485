package dev.dendrite.optim.schedule;

import dev.dendrite.optim.Optimizer;
import dev.dendrite.optim.ParamGroup;
import dev.dendrite.optim.StateDicts;
import dev.dendrite.tensor.Tensor;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An epoch-counting schedule, as torch's {@code _LRScheduler}: it remembers each group's learning rate
 * at construction (the base), sets epoch 0's rate at once, and each {@link #step()} moves to the next
 * epoch. Subclasses give the rule in torch's chainable form (from the group's current rate) and in
 * closed form (from the base).
 */
public abstract class AbstractLRScheduler implements LRScheduler {

    /** The optimizer whose learning rates this schedule sets. */
    protected final Optimizer optimizer;
    private double[] baseLrs;
    private double[] lastLrs;
    private long lastEpoch = -1;
    private long stepCount;

    /** A schedule for {@code optimizer} whose base rates are the groups' current rates; call {@link #start()} last in the constructor. */
    protected AbstractLRScheduler(Optimizer optimizer) {
        this.optimizer = optimizer;
        List<ParamGroup> groups = optimizer.paramGroups();
        this.baseLrs = new double[groups.size()];
        for (int g = 0; g < baseLrs.length; g++) {
            baseLrs[g] = groups.get(g).lr();
        }
        this.lastLrs = baseLrs.clone();
    }

    /** Sets epoch 0's learning rates; subclass constructors call it once their fields are set. */
    protected final void start() {
        step();
    }

    @Override
    public void step() {
        List<ParamGroup> groups = groups();
        lastEpoch++;
        stepCount++;
        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).lr(chainedLr(groups.get(g).lr(), baseLrs[g], lastEpoch));
        }
        recordLastLrs();
    }

    /** Jumps back to epoch 0 with rates from the closed form, as torch's {@code step(0)} (how LinearWarmup hands over). */
    final void restart() {
        List<ParamGroup> groups = groups();
        lastEpoch = 0;
        stepCount++;
        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).lr(closedFormLr(baseLrs[g], 0));
        }
        recordLastLrs();
    }

    /** The rate for {@code epoch} from the group's {@code current} rate (torch's {@code get_lr}). */
    protected abstract double chainedLr(double current, double base, long epoch);

    /** The rate for {@code epoch} from the group's {@code base} rate alone (torch's {@code _get_closed_form_lr}). */
    protected abstract double closedFormLr(double base, long epoch);

    /** The current epoch: 0 after construction, one more after each {@link #step()}. */
    public final long lastEpoch() {
        return lastEpoch;
    }

    /** How many times the rates were set, counting the one at construction. */
    protected final long stepCount() {
        return stepCount;
    }

    /** The learning rate of each group when the schedule was made. */
    public final double[] baseLearningRates() {
        return baseLrs.clone();
    }

    @Override
    public final double[] lastLearningRates() {
        return lastLrs.clone();
    }

    private void recordLastLrs() {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int g = 0; g < groups.size(); g++) {
            lastLrs[g] = groups.get(g).lr();
        }
    }

    private List<ParamGroup> groups() {
        List<ParamGroup> groups = optimizer.paramGroups();
        if (groups.size() != baseLrs.length) {
            throw new IllegalStateException(getClass().getSimpleName() + " was made for " + baseLrs.length
                    + " parameter group(s), the optimizer now has " + groups.size());
        }
        return groups;
    }

    /** {@code last_epoch}, {@code step_count}, {@code base_lr.<g>} and {@code last_lr.<g>}, plus {@link #extraState}. */
    @Override
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> dict = new LinkedHashMap<>();
        dict.put("last_epoch", StateDicts.scalar(lastEpoch));
        dict.put("step_count", StateDicts.scalar(stepCount));
        for (int g = 0; g < baseLrs.length; g++) {
            dict.put("base_lr." + g, StateDicts.scalar(baseLrs[g]));
            dict.put("last_lr." + g, StateDicts.scalar(lastLrs[g]));
        }
        extraState(dict);
        return dict;
    }

    @Override
    public void loadStateDict(Map<String, Tensor> dict) {
        Set<String> known = new HashSet<>(stateDict().keySet());
        StateDicts.rejectUnknownKeys(dict, known, getClass().getSimpleName() + " over " + baseLrs.length + " group(s)");
        long epoch = StateDicts.readLong(dict, "last_epoch", 0, Long.MAX_VALUE);
        long steps = StateDicts.readLong(dict, "step_count", 1, Long.MAX_VALUE);
        double[] base = new double[baseLrs.length];
        double[] last = new double[baseLrs.length];
        for (int g = 0; g < base.length; g++) {
            base[g] = StateDicts.readScalar(dict, "base_lr." + g);
            last[g] = StateDicts.readScalar(dict, "last_lr." + g);
        }
        loadExtraState(dict);
        lastEpoch = epoch;
        stepCount = steps;
        baseLrs = base;
        lastLrs = last;
    }

    /** Adds a subclass's own progress to {@code dict} (none by default). */
    protected void extraState(Map<String, Tensor> dict) {
    }

    /** Validates and restores what {@link #extraState} saved; called before anything else is restored. */
    protected void loadExtraState(Map<String, Tensor> dict) {
    }

    static int requirePositive(String name, long value) {
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a positive int, got " + value);
        }
        return (int) value;
    }
}
