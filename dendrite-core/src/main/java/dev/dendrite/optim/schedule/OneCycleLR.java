package dev.dendrite.optim.schedule;

import dev.dendrite.optim.Optimizer;
import dev.dendrite.optim.StateDicts;
import dev.dendrite.tensor.Tensor;
import java.util.Map;

/**
 * The 1cycle policy, as torch's {@code OneCycleLR} (two phases, stepped once per batch): the rate rises
 * from {@code maxLr / divFactor} to {@code maxLr} over the first {@code pctStart} of {@code totalSteps},
 * then falls to {@code maxLr / (divFactor · finalDivFactor)} by the last step, along a cosine (or a line).
 * With {@code a = pctStart · totalSteps − 1} and {@code b = totalSteps − 1}, at step e:
 *
 * <pre>
 *   e ≤ a:  anneal(maxLr / divFactor, maxLr, e / a)
 *   e &gt; a:  anneal(maxLr, maxLr / (divFactor · finalDivFactor), (e − a) / (b − a))
 *   cos: anneal(s, t, p) = t + (s − t)·(1 + cos(πp)) / 2      linear: s + (t − s)·p
 * </pre>
 *
 * Defaults as torch: pctStart 0.3, cosine, divFactor 25, finalDivFactor 1e4. Unlike torch's default,
 * momentum (or β₁) is not cycled. Stepping more than {@code totalSteps} times fails.
 */
public final class OneCycleLR extends AbstractLRScheduler {

    /** The shape of each phase. */
    public enum Anneal {
        /** Half a cosine. */
        COS,
        /** A straight line. */
        LINEAR
    }

    private final double maxLr;
    private final int totalSteps;
    private final double pctStart;
    private final Anneal anneal;
    private final double initialLr;
    private final double minLr;

    /** The 1cycle schedule peaking at {@code maxLr}, over {@code totalSteps} batches, with torch's defaults. */
    public OneCycleLR(Optimizer optimizer, double maxLr, int totalSteps) {
        this(optimizer, maxLr, totalSteps, 0.3, Anneal.COS, 25, 1e4);
    }

    /** The 1cycle schedule with every setting given. */
    public OneCycleLR(Optimizer optimizer, double maxLr, int totalSteps, double pctStart, Anneal anneal,
                      double divFactor, double finalDivFactor) {
        super(optimizer);
        if (!(pctStart >= 0 && pctStart <= 1)) {
            throw new IllegalArgumentException("pctStart must be in [0, 1], got " + pctStart);
        }
        if (!(maxLr > 0) || !(divFactor > 0) || !(finalDivFactor > 0)) {
            throw new IllegalArgumentException("maxLr, divFactor and finalDivFactor must be positive, got " + maxLr
                    + ", " + divFactor + ", " + finalDivFactor);
        }
        this.maxLr = maxLr;
        this.totalSteps = requirePositive("totalSteps", totalSteps);
        this.pctStart = pctStart;
        this.anneal = anneal;
        this.initialLr = maxLr / divFactor;
        this.minLr = initialLr / finalDivFactor;
        start();
    }

    @Override
    public void step() {
        if (lastEpoch() + 1 > totalSteps) {
            throw new IllegalStateException("OneCycleLR was stepped " + (lastEpoch() + 2)
                    + " times; the schedule has totalSteps " + totalSteps);
        }
        super.step();
    }

    @Override
    protected double chainedLr(double current, double base, long epoch) {
        return closedFormLr(base, epoch);
    }

    @Override
    protected double closedFormLr(double base, long epoch) {
        double warmEnd = pctStart * totalSteps - 1;
        double end = totalSteps - 1;
        if (epoch <= warmEnd) {
            return anneal(initialLr, maxLr, fraction(epoch, 0, warmEnd));
        }
        return anneal(maxLr, minLr, fraction(epoch, warmEnd, end));
    }

    private static double fraction(double step, double from, double to) {
        return to == from ? 1 : (step - from) / (to - from);
    }

    private double anneal(double start, double end, double pct) {
        return anneal == Anneal.COS
                ? end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1)
                : (end - start) * pct + start;
    }

    @Override
    protected void extraState(Map<String, Tensor> dict) {
        dict.put("total_steps", StateDicts.scalar(totalSteps));
    }

    @Override
    protected void loadExtraState(Map<String, Tensor> dict) {
        long saved = StateDicts.readLong(dict, "total_steps", 1, Integer.MAX_VALUE);
        if (saved != totalSteps) {
            throw new IllegalArgumentException("state dict entry 'total_steps' is " + saved + ", this OneCycleLR has "
                    + totalSteps);
        }
    }
}
