package dev.dendrite.nn;

import dev.dendrite.tensor.Tensor;
import java.util.List;

/** Modules applied one after another, each to the previous one's output; children are named 0, 1, 2, ... */
public final class Sequential extends Module {

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

    /** Runs the input through every module in order. */
    @Override
    public Tensor forward(Tensor input) {
        Tensor output = input;
        for (Module module : children().values()) {
            output = module.forward(output);
        }
        return output;
    }
}
