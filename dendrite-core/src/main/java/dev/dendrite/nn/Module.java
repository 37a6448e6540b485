package dev.dendrite.nn;

import dev.dendrite.io.Model;
import dev.dendrite.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A piece of a network: it maps an input tensor to an output tensor with {@link #forward}, owns
 * {@link Parameter parameters} and may contain child modules, as in PyTorch's {@code nn.Module}.
 *
 * <p>Subclasses register what they own in their constructor with {@link #registerParameter} and
 * {@link #registerModule}; names then follow the module tree ({@code 0.weight}, {@code 2.bias}).
 * A module is in training mode until {@link #eval()}: layers such as {@link Dropout} behave
 * differently in the two modes.
 */
public abstract class Module {

    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** Computes the output for {@code input}, recording the graph for backprop when gradients are on. */
    public abstract Tensor forward(Tensor input);

    /** Registers a parameter under {@code name}; returns it. */
    protected final Parameter registerParameter(String name, Tensor value) {
        requireFreshName(name);
        Parameter parameter = new Parameter(value);
        parameters.put(name, parameter);
        return parameter;
    }

    /** Registers a child module under {@code name}; returns it. */
    protected final <M extends Module> M registerModule(String name, M module) {
        requireFreshName(name);
        children.put(name, module);
        return module;
    }

    private void requireFreshName(String name) {
        if (name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException("a parameter or module name must be non-empty without dots: '" + name + "'");
        }
        if (parameters.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " already has a member named '" + name + "'");
        }
    }

    /** Every parameter of this module and its descendants, in registration order. */
    public final List<Parameter> parameters() {
        return List.copyOf(namedParameters().values());
    }

    /** Every parameter keyed by its dotted path in the module tree ({@code 0.weight}), in registration order. */
    public final Map<String, Parameter> namedParameters() {
        Map<String, Parameter> named = new LinkedHashMap<>();
        collect("", named);
        return Collections.unmodifiableMap(named);
    }

    private void collect(String prefix, Map<String, Parameter> into) {
        parameters.forEach((name, parameter) -> into.put(prefix + name, parameter));
        children.forEach((name, child) -> child.collect(prefix + name + ".", into));
    }

    /** The direct children keyed by name, in registration order. */
    public final Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    /** This module and all its descendants, depth first, parents before children. */
    public final List<Module> modules() {
        List<Module> all = new ArrayList<>();
        all.add(this);
        children.values().forEach(child -> all.addAll(child.modules()));
        return all;
    }

    /** The total number of trainable values. */
    public final long parameterCount() {
        long count = 0;
        for (Parameter parameter : parameters()) {
            count += parameter.size();
        }
        return count;
    }

    /** Clears the gradients of all parameters. */
    public final void zeroGrad() {
        parameters().forEach(Parameter::zeroGrad);
    }

    /** Switches this module and its descendants to training mode (dropout active); returns {@code this}. */
    public final Module train() {
        return train(true);
    }

    /** Switches this module and its descendants to evaluation mode (dropout off); returns {@code this}. */
    public final Module eval() {
        return train(false);
    }

    /** Sets training mode on or off for this module and its descendants; returns {@code this}. */
    public final Module train(boolean on) {
        modules().forEach(module -> module.training = on);
        return this;
    }

    /** Whether the module is in training mode. */
    public final boolean isTraining() {
        return training;
    }

    /**
     * Draws fresh initial values for every parameter (and fresh random streams for stochastic layers
     * such as dropout) of this module and its descendants from {@code random}, in a fixed order, so
     * the same generator state always gives the same network.
     */
    public final void resetParameters(RandomGenerator random) {
        for (Module module : modules()) {
            module.initialize(random);
        }
    }

    /**
     * Gives every stochastic layer of this module and its descendants (dropout) a fresh random stream
     * drawn from {@code random}, leaving the weights alone: what a trainer's seed fixes.
     */
    public final void reseed(RandomGenerator random) {
        for (Module module : modules()) {
            module.reseedOwn(random);
        }
    }

    /** Replaces this module's own random stream (not its children's) from {@code random}; a no-op by default. */
    protected void reseedOwn(RandomGenerator random) {
    }

    /** Initialises this module's own parameters (not its children's) from {@code random}; a no-op by default. */
    protected void initialize(RandomGenerator random) {
    }

    /** Extra text shown after the class name in {@link #toString()}, e.g. {@code in=784, out=256}. */
    protected String describe() {
        return "";
    }

    /**
     * Saves this module (architecture and weights) to one model file, atomically; shorthand for
     * {@code Model.of(this).save(path)}. Read it back with {@link Model#load(Path)}.
     */
    public final void save(Path path) {
        Model.of(this).save(path);
    }

    /** The module tree, one module per line, as PyTorch prints it. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(getClass().getSimpleName()).append('(').append(describe());
        if (!children.isEmpty()) {
            text.append('\n');
            children.forEach((name, child) -> text.append("  (").append(name).append("): ")
                    .append(child.toString().replace("\n", "\n  ")).append('\n'));
        }
        return text.append(')').toString();
    }
}
