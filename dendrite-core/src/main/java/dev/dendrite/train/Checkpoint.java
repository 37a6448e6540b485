package dev.dendrite.train;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dendrite.io.ModelFileException;
import dev.dendrite.io.SafeTensors;
import dev.dendrite.io.TensorFile;
import dev.dendrite.nn.Module;
import dev.dendrite.nn.Parameter;
import dev.dendrite.optim.Optimizer;
import dev.dendrite.tensor.Tensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A training run frozen after a finished epoch, in one safetensors file written atomically: the
 * model's weights ({@code model.*}), the optimizer's state ({@code optimizer.*}), each callback's
 * state ({@code callback.<i>.*}: schedules, early stopping), the divergence guard's best weights
 * ({@code guard.*}), and in the metadata the epochs done, the seed and the history. Shuffling and
 * dropout masks are derived from the seed and the epoch number, so a run resumed from here repeats,
 * bit for bit, what the uninterrupted run would have done.
 */
final class Checkpoint {

    static final String VERSION_KEY = "dendrite.checkpoint_version";
    static final String VERSION = "1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a checkpoint holds besides the model, optimizer and callbacks it is loaded into. */
    record Progress(int epochsDone, long seed, History history, Map<String, Tensor> guard,
                    List<Map<String, Tensor>> callbackStates) {
    }

    private Checkpoint() {
    }

    static void save(Path path, Module model, Optimizer optimizer, List<Callback> callbacks, Progress progress) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        model.namedParameters().forEach((name, parameter) -> tensors.put("model." + name, parameter.value()));
        optimizer.stateDict().forEach((name, tensor) -> tensors.put("optimizer." + name, tensor));
        for (int i = 0; i < callbacks.size(); i++) {
            String prefix = "callback." + i + ".";
            callbacks.get(i).state().forEach((name, tensor) -> tensors.put(prefix + name, tensor));
        }
        progress.guard().forEach((name, tensor) -> tensors.put("guard." + name, tensor));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(VERSION_KEY, VERSION);
        metadata.put("dendrite.epochs_done", Integer.toString(progress.epochsDone()));
        metadata.put("dendrite.seed", Long.toString(progress.seed()));
        try {
            metadata.put("dendrite.history", JSON.writeValueAsString(progress.history().all()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the history of " + path, e);
        }
        SafeTensors.write(path, tensors, metadata);
    }

    /**
     * Loads the checkpoint at {@code path} into {@code model} and {@code optimizer} (set up as in the run
     * that wrote it) and returns the run's progress, with each of {@code callbackCount} callbacks' state
     * for the caller to hand over once the callbacks have begun.
     */
    static Progress load(Path path, Module model, Optimizer optimizer, int callbackCount) {
        TensorFile file = SafeTensors.read(path);
        Map<String, String> metadata = file.metadata();
        if (!VERSION.equals(metadata.get(VERSION_KEY))) {
            throw new ModelFileException(path, "not a Dendrite checkpoint (no " + VERSION_KEY + " " + VERSION
                    + " in its metadata)");
        }
        Map<String, Parameter> parameters = model.namedParameters();
        Map<String, Tensor> weights = part(file.tensors(), "model.");
        if (!weights.keySet().equals(parameters.keySet())) {
            throw new ModelFileException(path, "the checkpoint holds parameters " + weights.keySet()
                    + " but the model has " + parameters.keySet());
        }
        parameters.forEach((name, parameter) -> {
            Tensor saved = weights.get(name);
            if (!saved.shape().equals(parameter.shape())) {
                throw new ModelFileException(path, "parameter '" + name + "' is " + saved.shape()
                        + " in the checkpoint but " + parameter.shape() + " in the model");
            }
        });
        optimizer.loadStateDict(part(file.tensors(), "optimizer."));
        parameters.forEach((name, parameter) -> parameter.value().copyFrom(weights.get(name)));
        History history = new History();
        try {
            List<Map<String, Double>> epochs = JSON.readValue(metadata.getOrDefault("dendrite.history", "[]"),
                    new TypeReference<List<Map<String, Double>>>() { });
            epochs.forEach(history::add);
            int done = Integer.parseInt(metadata.getOrDefault("dendrite.epochs_done", ""));
            long seed = Long.parseLong(metadata.getOrDefault("dendrite.seed", ""));
            List<Map<String, Tensor>> states = new java.util.ArrayList<>();
            for (int i = 0; i < callbackCount; i++) {
                states.add(part(file.tensors(), "callback." + i + "."));
            }
            return new Progress(done, seed, history, part(file.tensors(), "guard."), states);
        } catch (java.io.IOException | NumberFormatException e) {
            throw new ModelFileException(path, "the checkpoint's progress metadata is malformed: " + e.getMessage());
        }
    }

    private static Map<String, Tensor> part(Map<String, Tensor> tensors, String prefix) {
        Map<String, Tensor> part = new LinkedHashMap<>();
        tensors.forEach((name, tensor) -> {
            if (name.startsWith(prefix)) {
                part.put(name.substring(prefix.length()), tensor);
            }
        });
        return part;
    }
}
