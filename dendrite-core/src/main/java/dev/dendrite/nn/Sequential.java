package dev.dendrite.nn;

import dev.dendrite.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Modules applied one after another, each to the previous one's output; children are named 0, 1, 2, ...
 * A {@link Linear} directly followed by a {@link ReLU} runs as one fused op ({@link Tensor#linearRelu}),
 * with the same result.
 */
public final class Sequential extends Module {

    private final List<Module> modules = new ArrayList<>();
    private int count;

    /** A pipeline of the given modules, in order. */
    public Sequential(Module... modules) {
        for (Module module : modules) {
            add(module);
        }
    }

    /** Appends {@code module}; returns {@code this}. */
    public Sequential add(Module module) {
        registerModule(Integer.toString(count++), module);
        modules.add(module);
        return this;
    }

    /** The module at position {@code index}. */
    public Module get(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("Sequential has " + count + " modules, no index " + index);
        }
        return children().get(Integer.toString(index));
    }

    /** The number of modules. */
    public int size() {
        return count;
    }

    /** The modules in order. */
    public List<Module> layers() {
        return List.copyOf(children().values());
    }

    /** Runs the input through every module in order (a Linear and the ReLU after it in one step). */
    @Override
    public Tensor forward(Tensor input) {
        Tensor output = input;
        for (int i = 0; i < modules.size(); i++) {
            Module module = modules.get(i);
            if (module instanceof Linear linear && i + 1 < modules.size() && modules.get(i + 1) instanceof ReLU) {
                output = linear.forwardRelu(output);
                i++;
            } else {
                output = module.forward(output);
            }
        }
        return output;
    }
}
