package dev.dendrite.optim;

import dev.dendrite.nn.Parameter;
import dev.dendrite.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Updates parameters from their gradients, as torch.optim's {@code Optimizer}: parameters come in
 * {@link ParamGroup groups} with their own learning rate, weight decay and L1 strength; {@link #step()}
 * updates every parameter that has a gradient and skips those whose gradient is null; state such as
 * momentum buffers is created on a parameter's first step.
 *
 * <p>Regularisation for every optimizer: the L2 term {@code weightDecay * w} and the L1 term
 * {@code l1 * sign(w)} are added to the gradient before the update rule sees it (AdamW instead decays
 * the weights directly). The parameters' own gradients are never modified.
 *
 * <p>The training loop: {@code optimizer.zeroGrad(); loss.backward(); optimizer.step();}
 */
public abstract class Optimizer {

    /** The per-group entries of the state dict; the learning-rate-like values first, the size last. */
    private static final String[] GROUP_ENTRIES = {"lr", "weight_decay", "l1", "params"};

    private final List<ParamGroup> groups = new ArrayList<>();
    private final Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Parameter, ParamState> state = new IdentityHashMap<>();
    private final double defaultLr;
    private double weightDecay;
    private double l1;

    /** An optimizer of one group holding {@code parameters}, with default learning rate {@code lr} and weight decay. */
    protected Optimizer(List<Parameter> parameters, double lr, double weightDecay) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " got an empty parameter list");
        }
        this.defaultLr = requireNonNegative("lr", lr);
        this.weightDecay = requireNonNegative("weight_decay", weightDecay);
        addParamGroup(new ParamGroup(parameters));
    }

    /** Adds a group of parameters with its own settings (e.g. a new head with a larger learning rate); returns {@code this}. */
    public Optimizer addParamGroup(ParamGroup group) {
        Set<Parameter> fresh = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Parameter parameter : group.parameters()) {
            if (seen.contains(parameter) || !fresh.add(parameter)) {
                throw new IllegalArgumentException("parameter " + parameter + " appears in more than one place in the "
                        + getClass().getSimpleName() + "'s parameter groups");
            }
        }
        group.attach(this);
        seen.addAll(fresh);
        groups.add(group);
        return this;
    }

    /** The parameter groups, in order. */
    public final List<ParamGroup> paramGroups() {
        return Collections.unmodifiableList(groups);
    }

    /** Forgets the gradients of all parameters (call before each backward pass). */
    public final void zeroGrad() {
        for (ParamGroup group : groups) {
            for (Parameter parameter : group.parameters()) {
                parameter.zeroGrad();
            }
        }
    }

    /** Updates every parameter that has a gradient by this optimizer's rule; parameters without one are left as they are. */
    public final void step() {
        for (ParamGroup group : groups) {
            for (Parameter parameter : group.parameters()) {
                if (parameter.value().gradData() == null) {
                    continue;
                }
                ParamState parameterState = state.get(parameter);
                if (parameterState == null) {
                    parameterState = freshState(parameter);
                    state.put(parameter, parameterState);
                }
                parameterState.advance();
                update(group, parameter, parameterState);
            }
        }
    }

    /** Adds the buffers this optimizer keeps for {@code parameter} to its empty {@code state} (called on the first step). */
    protected abstract void initState(Parameter parameter, ParamState state);

    /**
     * Applies one step to {@code parameter}, whose gradient is non-null, with the settings of {@code group};
     * {@code state.step()} already counts this step (1 on the first).
     */
    protected abstract void update(ParamGroup group, Parameter parameter, ParamState state);

    /** The learning rate of the first parameter group. */
    public final double learningRate() {
        return groups.get(0).lr();
    }

    /** Sets the learning rate of every parameter group (what schedules do). */
    public final void setLearningRate(double lr) {
        for (ParamGroup group : groups) {
            group.lr(lr);
        }
    }

    /** The learning rate given at construction, used by groups without their own. */
    public final double defaultLearningRate() {
        return defaultLr;
    }

    /** The default L2 weight decay of groups without their own. */
    public final double weightDecay() {
        return weightDecay;
    }

    /** Sets the default L2 weight decay ({@code weightDecay * w} added to the gradient); returns {@code this}. */
    public Optimizer weightDecay(double weightDecay) {
        this.weightDecay = requireNonNegative("weight_decay", weightDecay);
        return this;
    }

    /** The default L1 strength of groups without their own. */
    public final double l1() {
        return l1;
    }

    /**
     * Sets the default L1 strength: {@code l1 * sign(w)} (the subgradient of {@code l1 * |w|_1}) is added to
     * the gradient; returns {@code this}.
     */
    public Optimizer l1(double l1) {
        this.l1 = requireNonNegative("l1", l1);
        return this;
    }

    /** The state kept for {@code parameter}, or null before its first step. */
    public final ParamState state(Parameter parameter) {
        return state.get(parameter);
    }

    // ---------------------------------------------------------------- state dict

    /**
     * A copy of the optimizer's state: {@code group.<g>.lr}, {@code group.<g>.weight_decay},
     * {@code group.<g>.l1}, {@code group.<g>.params} (the group's size) and, for each parameter that has
     * taken a step (numbered across groups in order), {@code state.<i>.step} and {@code state.<i>.<buffer>}.
     * Scalars are stored exactly as {@link StateDicts#scalar} describes. Hyper-parameters set on the
     * optimizer itself (momentum, betas, ...) are not included: a restored run builds its optimizer the same way.
     */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> dict = new LinkedHashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            ParamGroup group = groups.get(g);
            double[] values = {group.lr(), group.weightDecay(), group.l1(), group.parameters().size()};
            for (int e = 0; e < GROUP_ENTRIES.length; e++) {
                dict.put("group." + g + "." + GROUP_ENTRIES[e], StateDicts.scalar(values[e]));
            }
        }
        List<Parameter> all = allParameters();
        for (int i = 0; i < all.size(); i++) {
            ParamState parameterState = state.get(all.get(i));
            if (parameterState == null) {
                continue;
            }
            dict.put("state." + i + ".step", StateDicts.scalar(parameterState.step()));
            for (Map.Entry<String, Tensor> buffer : parameterState.buffers().entrySet()) {
                dict.put("state." + i + "." + buffer.getKey(), buffer.getValue().copy());
            }
        }
        return dict;
    }

    /**
     * Restores a state saved by {@link #stateDict()} from an optimizer of the same kind over parameters of
     * the same shapes in the same groups. Everything is checked before anything changes: a missing or
     * unexpected entry, or a tensor of the wrong shape, fails with a message naming the entry (and both shapes).
     */
    public final void loadStateDict(Map<String, Tensor> dict) {
        String owner = getClass().getSimpleName();
        List<Parameter> all = allParameters();
        Set<String> known = new HashSet<>();
        for (int g = 0; g < groups.size(); g++) {
            for (String name : GROUP_ENTRIES) {
                known.add("group." + g + "." + name);
            }
        }
        Map<Integer, ParamState> restored = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            String prefix = "state." + i + ".";
            if (dict.containsKey(prefix + "step")) {
                ParamState parameterState = freshState(all.get(i));
                restored.put(i, parameterState);
                known.add(prefix + "step");
                parameterState.buffers().keySet().forEach(buffer -> known.add(prefix + buffer));
            }
        }
        StateDicts.rejectUnknownKeys(dict, known, () -> owner + " with " + groups.size() + " group(s) of " + all.size()
                + " parameters (its per-parameter state: 'step' and " + expectedBuffers(all) + ")");

        double[][] groupValues = new double[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            String prefix = "group." + g + ".";
            long size = StateDicts.readLong(dict, prefix + "params", 0, Integer.MAX_VALUE);
            if (size != groups.get(g).parameters().size()) {
                throw new IllegalArgumentException("state dict entry '" + prefix + "params' says group " + g + " has "
                        + size + " parameters, this " + owner + "'s has " + groups.get(g).parameters().size());
            }
            groupValues[g] = new double[GROUP_ENTRIES.length - 1];
            for (int e = 0; e < groupValues[g].length; e++) {
                String key = prefix + GROUP_ENTRIES[e];
                groupValues[g][e] = requireNonNegative(key, StateDicts.readScalar(dict, key));
            }
        }
        for (Map.Entry<Integer, ParamState> entry : restored.entrySet()) {
            String prefix = "state." + entry.getKey() + ".";
            ParamState parameterState = entry.getValue();
            parameterState.setStep(StateDicts.readLong(dict, prefix + "step", 1, Long.MAX_VALUE));
            for (Map.Entry<String, Tensor> buffer : parameterState.buffers().entrySet()) {
                String key = prefix + buffer.getKey();
                buffer.getValue().copyFrom(StateDicts.readTensor(dict, key, buffer.getValue().shape()));
            }
        }

        for (int g = 0; g < groups.size(); g++) {
            groups.get(g).lr(groupValues[g][0]).weightDecay(groupValues[g][1]).l1(groupValues[g][2]);
        }
        state.clear();
        restored.forEach((index, parameterState) -> state.put(all.get(index), parameterState));
    }

    private String expectedBuffers(List<Parameter> all) {
        return freshState(all.get(0)).buffers().keySet().toString();
    }

    private ParamState freshState(Parameter parameter) {
        ParamState parameterState = new ParamState(parameter);
        initState(parameter, parameterState);
        return parameterState;
    }

    private List<Parameter> allParameters() {
        List<Parameter> all = new ArrayList<>();
        for (ParamGroup group : groups) {
            all.addAll(group.parameters());
        }
        return all;
    }

    static double requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("invalid " + name + " value: " + value + " (must be a finite number >= 0)");
        }
        return value;
    }

    /** Fails unless {@code 0 <= value < 1} (for betas, rho, alpha...); returns the value. */
    static double requireFraction(String name, double value, boolean oneAllowed) {
        if (!(value >= 0) || value > 1 || (!oneAllowed && value == 1)) {
            throw new IllegalArgumentException("invalid " + name + " value: " + value + " (must be in [0, 1"
                    + (oneAllowed ? "]" : ")") + ")");
        }
        return value;
    }
}
