package dev.dendrite.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dendrite.nn.Module;
import java.util.ArrayList;
import java.util.List;

/**
 * The hyper-parameters of one module in a model file's architecture: a {@link ModuleCodec} puts them
 * here when saving and gets them back when loading. Getters fail with an
 * {@link IllegalArgumentException} naming the module's place in the tree and the key.
 */
public final class LayerConfig {

    private final ObjectNode node;
    private final String path;
    private final long[] budget;

    /** A config at {@code path} whose modules may together allocate at most {@code budget[0]} parameter values. */
    LayerConfig(ObjectNode node, String path, long[] budget) {
        this.node = node;
        this.path = path;
        this.budget = budget;
    }

    /**
     * Declares, before constructing a module, how many parameter values it will allocate. When loading a
     * file the total is bounded by the values the file holds, so a hostile architecture (a Linear of
     * 10^5 x 10^5) fails here with a clear message instead of exhausting memory. Codecs of modules with
     * parameters should call it.
     */
    public void reserveParameters(long count) {
        if (count < 0 || count > budget[0]) {
            throw new IllegalArgumentException("architecture at " + path + " declares " + count
                    + " parameter values, more than the " + budget[0] + " the file has left");
        }
        budget[0] -= count;
    }

    /** Stores an integer. */
    public LayerConfig put(String key, int value) {
        node.put(key, value);
        return this;
    }

    /** Stores a float exactly. */
    public LayerConfig put(String key, float value) {
        node.set(key, Json.floatNode(value));
        return this;
    }

    /** Stores a boolean. */
    public LayerConfig put(String key, boolean value) {
        node.put(key, value);
        return this;
    }

    /** Stores a string. */
    public LayerConfig put(String key, String value) {
        node.put(key, value);
        return this;
    }

    /** Stores a child module (its type and config). */
    public LayerConfig putModule(String key, Module child) {
        node.set(key, Architecture.encode(child, path + "." + key, budget));
        return this;
    }

    /** Stores a list of child modules. */
    public LayerConfig putModules(String key, List<Module> children) {
        ArrayNode array = node.putArray(key);
        for (int i = 0; i < children.size(); i++) {
            array.add(Architecture.encode(children.get(i), path + "." + key + "[" + i + "]", budget));
        }
        return this;
    }

    /** The integer under {@code key}. */
    public int getInt(String key) {
        JsonNode value = require(key);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw problem(key, "should be an integer, is " + value);
        }
        return value.intValue();
    }

    /** The float under {@code key}, exactly as saved. */
    public float getFloat(String key) {
        JsonNode value = require(key);
        Float number = Json.toFloat(value);
        if (number == null) {
            throw problem(key, "should be a number, is " + value);
        }
        return number;
    }

    /** The boolean under {@code key}. */
    public boolean getBoolean(String key) {
        JsonNode value = require(key);
        if (!value.isBoolean()) {
            throw problem(key, "should be true or false, is " + value);
        }
        return value.booleanValue();
    }

    /** The string under {@code key}. */
    public String getString(String key) {
        JsonNode value = require(key);
        if (!value.isTextual()) {
            throw problem(key, "should be a string, is " + value);
        }
        return value.textValue();
    }

    /** The child module under {@code key}, built by its own codec. */
    public Module getModule(String key) {
        return Architecture.decode(require(key), path + "." + key, budget);
    }

    /** The list of child modules under {@code key}. */
    public List<Module> getModules(String key) {
        JsonNode value = require(key);
        if (!value.isArray()) {
            throw problem(key, "should be a list of modules, is " + value.getNodeType());
        }
        List<Module> children = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            children.add(Architecture.decode(value.get(i), path + "." + key + "[" + i + "]", budget));
        }
        return children;
    }

    /** Whether {@code key} is present. */
    public boolean has(String key) {
        return node.has(key);
    }

    private JsonNode require(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw problem(key, "is missing");
        }
        return value;
    }

    private IllegalArgumentException problem(String key, String what) {
        return new IllegalArgumentException("architecture at " + path + ": '" + key + "' " + what);
    }
}
