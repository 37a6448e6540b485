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
 * Raises the learning rate linearly from {@code startFactor · base} to the base over {@code warmupSteps}
 * steps, then holds it or hands over to another schedule, which starts at its own epoch 0 there:
 *
 * <pre>
 *   lr_e = base · (startFactor + (1 − startFactor) · e / warmupSteps)    for e &lt; warmupSteps
 *   lr_e = base, or the wrapped schedule at epoch e − warmupSteps        afterwards
 * </pre>
 *
 * Alone it is torch's {@code LinearLR(start_factor, end_factor=1, total_iters=warmupSteps)}; wrapping
 * {@code after} it is {@code SequentialLR([LinearLR(...), after], milestones=[warmupSteps])}.
 */
public final class LinearWarmup implements LRScheduler {

    private final Optimizer optimizer;
    private final double startFactor;
    private final int warmupSteps;
    private final AbstractLRScheduler after;
    private double[] baseLrs;
    private final double[] lastLrs;
    private long lastEpoch;

    /** Warms up from {@code startFactor} (in [0, 1]) times each group's current rate over {@code warmupSteps} steps, then holds. */
    public LinearWarmup(Optimizer optimizer, double startFactor, int warmupSteps) {
        this(optimizer, startFactor, warmupSteps, null);
    }

    /**
     * Warms up as {@link #LinearWarmup(Optimizer, double, int)}, then continues with {@code after} (a schedule
     * of the same optimizer, made just before this one), restarted at its epoch 0.
     */
    public LinearWarmup(Optimizer optimizer, double startFactor, int warmupSteps, AbstractLRScheduler after) {
        if (!(startFactor >= 0 && startFactor <= 1)) {
            throw new IllegalArgumentException("startFactor must be in [0, 1], got " + startFactor);
        }
        if (after != null && after.optimizer != optimizer) {
            throw new IllegalArgumentException("the schedule after the warm-up must belong to the same optimizer");
        }
        this.optimizer = optimizer;
        this.startFactor = startFactor;
        this.warmupSteps = AbstractLRScheduler.requirePositive("warmupSteps", warmupSteps);
        this.after = after;
        List<ParamGroup> groups = optimizer.paramGroups();
        this.baseLrs = after != null ? after.baseLearningRates() : new double[groups.size()];
        if (after == null) {
            for (int g = 0; g < baseLrs.length; g++) {
                baseLrs[g] = groups.get(g).lr();
            }
        }
        this.lastLrs = new double[baseLrs.length];
        setRates();
    }

    @Override
    public void step() {
        lastEpoch++;
        if (after == null || lastEpoch < warmupSteps) {
            setRates();
        } else {
            if (lastEpoch == warmupSteps) {
                after.restart();
            } else {
                after.step();
            }
            List<ParamGroup> groups = groups();
            for (int g = 0; g < lastLrs.length; g++) {
                lastLrs[g] = groups.get(g).lr();
            }
        }
    }

    private void setRates() {
        List<ParamGroup> groups = groups();
        double factor = startFactor + (1 - startFactor) * Math.min(lastEpoch, warmupSteps) / warmupSteps;
        for (int g = 0; g < baseLrs.length; g++) {
            groups.get(g).lr(baseLrs[g] * factor);
            lastLrs[g] = groups.get(g).lr();
        }
    }

    private List<ParamGroup> groups() {
        List<ParamGroup> groups = optimizer.paramGroups();
        if (groups.size() != baseLrs.length) {
            throw new IllegalStateException("LinearWarmup was made for " + baseLrs.length
                    + " parameter group(s), the optimizer now has " + groups.size());
        }
        return groups;
    }

    /** The current step: 0 after construction, one more after each {@link #step()}. */
    public long lastEpoch() {
        return lastEpoch;
    }

    @Override
    public double[] lastLearningRates() {
        return lastLrs.clone();
    }

    /** {@code last_epoch}, {@code base_lr.<g>}, {@code last_lr.<g>} and the wrapped schedule's entries under {@code after.}. */
    @Override
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> dict = new LinkedHashMap<>();
        dict.put("last_epoch", StateDicts.scalar(lastEpoch));
        for (int g = 0; g < baseLrs.length; g++) {
            dict.put("base_lr." + g, StateDicts.scalar(baseLrs[g]));
            dict.put("last_lr." + g, StateDicts.scalar(lastLrs[g]));
        }
        if (after != null) {
            after.stateDict().forEach((key, value) -> dict.put("after." + key, value));
        }
        return dict;
    }

    @Override
    public void loadStateDict(Map<String, Tensor> dict) {
        Set<String> known = new HashSet<>(stateDict().keySet());
        StateDicts.rejectUnknownKeys(dict, known, "LinearWarmup over " + baseLrs.length + " group(s)");
        long epoch = StateDicts.readLong(dict, "last_epoch", 0, Long.MAX_VALUE);
        double[] base = new double[baseLrs.length];
        double[] last = new double[baseLrs.length];
        for (int g = 0; g < base.length; g++) {
            base[g] = StateDicts.readScalar(dict, "base_lr." + g);
            last[g] = StateDicts.readScalar(dict, "last_lr." + g);
        }
        if (after != null) {
            Map<String, Tensor> nested = new LinkedHashMap<>();
            dict.forEach((key, value) -> {
                if (key.startsWith("after.")) {
                    nested.put(key.substring("after.".length()), value);
                }
            });
            after.loadStateDict(nested);
        }
        lastEpoch = epoch;
        baseLrs = base;
        System.arraycopy(last, 0, lastLrs, 0, last.length);
    }
}
