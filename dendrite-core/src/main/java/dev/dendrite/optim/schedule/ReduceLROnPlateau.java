package dev.dendrite.optim.schedule;

import dev.dendrite.optim.Optimizer;
import dev.dendrite.optim.ParamGroup;
import dev.dendrite.optim.StateDicts;
import dev.dendrite.tensor.Tensor;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts the learning rate by {@code factor} when a monitored value (say the validation loss) stops
 * improving, as torch's {@code ReduceLROnPlateau}. A value is an improvement when it beats the best so
 * far by more than the threshold (relative: {@code best·(1 ∓ threshold)}, or absolute: {@code best ∓
 * threshold}); after more than {@code patience} epochs without one, each group's rate becomes
 * {@code max(lr·factor, minLr)} (unless that changes it by no more than {@code eps}), and the next
 * {@code cooldown} epochs are not counted.
 *
 * <p>Defaults as torch: mode min, factor 0.1, patience 10, threshold 1e-4 relative, cooldown 0, minLr 0,
 * eps 1e-8. Call {@link #step(double)} once per epoch with the value.
 */
public final class ReduceLROnPlateau implements LRScheduler {

    /** Whether smaller or larger values are better. */
    public enum Mode {
        /** Smaller is better (losses). */
        MIN,
        /** Larger is better (accuracies). */
        MAX
    }

    /** How the threshold compares a value to the best. */
    public enum ThresholdMode {
        /** As a fraction of the best. */
        REL,
        /** As an absolute difference. */
        ABS
    }

    private final Optimizer optimizer;
    private Mode mode = Mode.MIN;
    private double factor = 0.1;
    private int patience = 10;
    private double threshold = 1e-4;
    private ThresholdMode thresholdMode = ThresholdMode.REL;
    private int cooldown;
    private double minLr;
    private double eps = 1e-8;

    private double best = Double.POSITIVE_INFINITY;
    private long numBadEpochs;
    private long cooldownCounter;
    private long lastEpoch;
    private final double[] lastLrs;

    /** A plateau schedule over {@code optimizer} with torch's defaults; adjust with the fluent setters before the first step. */
    public ReduceLROnPlateau(Optimizer optimizer) {
        this.optimizer = optimizer;
        List<ParamGroup> groups = optimizer.paramGroups();
        this.lastLrs = new double[groups.size()];
        for (int g = 0; g < lastLrs.length; g++) {
            lastLrs[g] = groups.get(g).lr();
        }
    }

    /** Sets whether smaller ({@link Mode#MIN}) or larger values are better; returns {@code this}. */
    public ReduceLROnPlateau mode(Mode mode) {
        this.mode = mode;
        this.best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        return this;
    }

    /** Sets the factor (in [0, 1)) the rate is multiplied by on a plateau; returns {@code this}. */
    public ReduceLROnPlateau factor(double factor) {
        if (!(factor >= 0 && factor < 1)) {
            throw new IllegalArgumentException("factor must be in [0, 1), got " + factor);
        }
        this.factor = factor;
        return this;
    }

    /** Sets how many epochs without improvement are tolerated; returns {@code this}. */
    public ReduceLROnPlateau patience(int patience) {
        this.patience = requireNonNegative("patience", patience);
        return this;
    }

    /** Sets the threshold and how it is applied; returns {@code this}. */
    public ReduceLROnPlateau threshold(double threshold, ThresholdMode thresholdMode) {
        this.threshold = threshold;
        this.thresholdMode = thresholdMode;
        return this;
    }

    /** Sets how many epochs after a cut are not counted; returns {@code this}. */
    public ReduceLROnPlateau cooldown(int cooldown) {
        this.cooldown = requireNonNegative("cooldown", cooldown);
        return this;
    }

    /** Sets the lower bound of every group's rate; returns {@code this}. */
    public ReduceLROnPlateau minLr(double minLr) {
        this.minLr = minLr;
        return this;
    }

    /** Sets the smallest change of rate worth making; returns {@code this}. */
    public ReduceLROnPlateau eps(double eps) {
        this.eps = eps;
        return this;
    }

    /** Not meaningful here: this schedule needs the monitored value, so it fails; call {@link #step(double)}. */
    @Override
    public void step() {
        throw new IllegalStateException("ReduceLROnPlateau needs the monitored value: call step(metric)");
    }

    /** Records this epoch's {@code metric} and cuts the rates if it has stopped improving. */
    @Override
    public void step(double metric) {
        lastEpoch++;
        if (isBetter(metric)) {
            best = metric;
            numBadEpochs = 0;
        } else {
            numBadEpochs++;
        }
        if (cooldownCounter > 0) {
            cooldownCounter--;
            numBadEpochs = 0;
        }
        if (numBadEpochs > patience) {
            reduce();
            cooldownCounter = cooldown;
            numBadEpochs = 0;
        }
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int g = 0; g < lastLrs.length; g++) {
            lastLrs[g] = groups.get(g).lr();
        }
    }

    private boolean isBetter(double value) {
        return switch (mode) {
            case MIN -> thresholdMode == ThresholdMode.REL ? value < best * (1 - threshold) : value < best - threshold;
            case MAX -> thresholdMode == ThresholdMode.REL ? value > best * (threshold + 1) : value > best + threshold;
        };
    }

    private void reduce() {
        List<ParamGroup> groups = optimizer.paramGroups();
        if (groups.size() != lastLrs.length) {
            throw new IllegalStateException("ReduceLROnPlateau was made for " + lastLrs.length
                    + " parameter group(s), the optimizer now has " + groups.size());
        }
        for (ParamGroup group : groups) {
            double old = group.lr();
            double reduced = Math.max(old * factor, minLr);
            if (old - reduced > eps) {
                group.lr(reduced);
            }
        }
    }

    /** The best value seen so far (infinite before the first step). */
    public double best() {
        return best;
    }

    /** The number of epochs since the last improvement, as counted toward the patience. */
    public long numBadEpochs() {
        return numBadEpochs;
    }

    @Override
    public double[] lastLearningRates() {
        return lastLrs.clone();
    }

    /** {@code best}, {@code num_bad_epochs}, {@code cooldown_counter}, {@code last_epoch} and {@code last_lr.<g>}. */
    @Override
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> dict = new LinkedHashMap<>();
        dict.put("best", StateDicts.scalar(best));
        dict.put("num_bad_epochs", StateDicts.scalar(numBadEpochs));
        dict.put("cooldown_counter", StateDicts.scalar(cooldownCounter));
        dict.put("last_epoch", StateDicts.scalar(lastEpoch));
        for (int g = 0; g < lastLrs.length; g++) {
            dict.put("last_lr." + g, StateDicts.scalar(lastLrs[g]));
        }
        return dict;
    }

    @Override
    public void loadStateDict(Map<String, Tensor> dict) {
        StateDicts.rejectUnknownKeys(dict, new HashSet<>(stateDict().keySet()),
                "ReduceLROnPlateau over " + lastLrs.length + " group(s)");
        double savedBest = StateDicts.readScalar(dict, "best");
        long bad = StateDicts.readLong(dict, "num_bad_epochs", 0, Long.MAX_VALUE);
        long cool = StateDicts.readLong(dict, "cooldown_counter", 0, Long.MAX_VALUE);
        long epoch = StateDicts.readLong(dict, "last_epoch", 0, Long.MAX_VALUE);
        double[] last = new double[lastLrs.length];
        for (int g = 0; g < last.length; g++) {
            last[g] = StateDicts.readScalar(dict, "last_lr." + g);
        }
        best = savedBest;
        numBadEpochs = bad;
        cooldownCounter = cool;
        lastEpoch = epoch;
        System.arraycopy(last, 0, lastLrs, 0, last.length);
    }

    private static int requireNonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
        return value;
    }
}
