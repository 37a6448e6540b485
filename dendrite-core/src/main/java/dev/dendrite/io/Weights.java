package dev.dendrite.io;

import dev.dendrite.nn.Module;
import dev.dendrite.nn.Parameter;
import dev.dendrite.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Loads bare weights (a state dict) into a module you have built, matching tensors to
 * {@link Module#namedParameters()} by name. This is how a PyTorch model comes over: save its
 * {@code state_dict()} with {@code safetensors.torch.save_file}, build the same layers in the same order
 * in Dendrite, and load. The names agree ({@code nn.Sequential}'s children are {@code 0}, {@code 1}, ...
 * as in {@link dev.dendrite.nn.Sequential}) and so do the layouts: PyTorch stores a Linear weight as
 * {@code [out, in]} and so does Dendrite's {@link dev.dendrite.nn.Linear}, so tensors map 1:1, with no
 * transpose. F16, BF16 and F64 tensors are converted to float32.
 */
public final class Weights {

    private Weights() {
    }

    /** Reads the safetensors file {@code path} and copies its tensors into {@code module}'s parameters (see {@link #copyInto}). */
    public static void load(Path path, Module module) {
        copyInto(module, SafeTensors.read(path).tensors(), path);
    }

    /**
     * Copies {@code tensors} into the parameters of the same names. Everything is checked before
     * anything changes: a missing parameter, an unexpected tensor or a shape mismatch fails with a
     * {@link ModelFileException} naming {@code source}, the parameter and both shapes.
     */
    public static void copyInto(Module module, Map<String, Tensor> tensors, Path source) {
        Map<String, Parameter> parameters = module.namedParameters();
        List<String> problems = new ArrayList<>();
        TreeSet<String> missing = new TreeSet<>(parameters.keySet());
        missing.removeAll(tensors.keySet());
        if (!missing.isEmpty()) {
            problems.add("no tensor for parameters " + missing);
        }
        TreeSet<String> unexpected = new TreeSet<>(tensors.keySet());
        unexpected.removeAll(parameters.keySet());
        if (!unexpected.isEmpty()) {
            problems.add("tensors " + unexpected + " match no parameter of the module");
        }
        parameters.forEach((name, parameter) -> {
            Tensor tensor = tensors.get(name);
            if (tensor != null && !tensor.shape().equals(parameter.shape())) {
                problems.add("parameter '" + name + "' has shape " + parameter.shape() + " but the file's tensor has shape "
                        + tensor.shape());
            }
        });
        if (!problems.isEmpty()) {
            throw new ModelFileException(source, String.join("; ", problems));
        }
        parameters.forEach((name, parameter) -> parameter.value().copyFrom(tensors.get(name)));
    }
}
