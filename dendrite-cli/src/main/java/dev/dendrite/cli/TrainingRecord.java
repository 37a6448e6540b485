package dev.dendrite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a model was trained, as {@code train} records it in the model file under {@value #KEY}: data, task,
 * network, optimizer, learning rate, batch size, seed, epochs run, early-stopping epoch, test metrics and
 * date. Files written before this entry existed fall back to the {@code run.json} beside them.
 */
final class TrainingRecord {

    /** The model-file metadata key. */
    static final String KEY = "dendrite.training";

    private TrainingRecord() {
    }

    /** The record of {@code model} by name, and where it came from; empty when there is none. */
    static Map<String, JsonNode> of(LoadedModel model) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        String json = model.model().metadata().get(KEY);
        JsonNode root = null;
        if (json != null) {
            root = Json.parse(json, KEY + " in " + model.file());
        } else {
            Path run = model.file().toAbsolutePath().getParent().resolve("run.json");
            if (Files.isRegularFile(run)) {
                root = Json.read(run);
            }
        }
        if (root != null) {
            root.properties().forEach(entry -> entries.put(entry.getKey(), entry.getValue()));
        }
        return entries;
    }

    /** Whether the record came from the model file itself (and not a run.json beside it). */
    static boolean inModelFile(LoadedModel model) {
        return model.model().metadata().containsKey(KEY);
    }
}
