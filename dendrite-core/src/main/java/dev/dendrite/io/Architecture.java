package dev.dendrite.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dendrite.nn.Module;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The module tree as JSON, stored in a model file's metadata: each module is
 * {@code {"type": "Linear", "config": {"in": 784, "out": 256, "bias": true}}}, containers list their
 * children inside their config. The built-in layers are known; register a {@link ModuleCodec} for
 * your own modules.
 */
public final class Architecture {

    private static final Map<String, ModuleCodec<?>> BY_TYPE = new ConcurrentHashMap<>();
    private static final Map<Class<?>, ModuleCodec<?>> BY_CLASS = new ConcurrentHashMap<>();

    static {
        BuiltinCodecs.all().forEach(Architecture::register);
    }

    private Architecture() {
    }

    /** Makes {@code codec}'s module type savable and loadable; its type name and class must be new. */
    public static synchronized void register(ModuleCodec<?> codec) {
        if (BY_TYPE.containsKey(codec.type())) {
            throw new IllegalArgumentException("a codec for layer type '" + codec.type() + "' is already registered");
        }
        if (BY_CLASS.containsKey(codec.moduleClass())) {
            throw new IllegalArgumentException("a codec for " + codec.moduleClass().getName() + " is already registered");
        }
        BY_TYPE.put(codec.type(), codec);
        BY_CLASS.put(codec.moduleClass(), codec);
    }

    /** The architecture of {@code module} as compact JSON. */
    public static String toJson(Module module) {
        return Json.write(encode(module, "model", new long[] {Long.MAX_VALUE}));
    }

    /**
     * Builds the module tree that {@code json} describes, with freshly initialised parameters. Fails with
     * an {@link IllegalArgumentException} naming the place in the tree of an unknown type or a bad config.
     */
    public static Module fromJson(String json) {
        return fromJson(json, Long.MAX_VALUE);
    }

    /**
     * As {@link #fromJson(String)}, refusing (before allocating them) more than {@code maxParameters}
     * parameter values in all: a loader passes the number of values its file holds.
     */
    public static Module fromJson(String json, long maxParameters) {
        return decode(Json.parse(json), "model", new long[] {maxParameters});
    }

    static ObjectNode encode(Module module, String path, long[] budget) {
        ModuleCodec<?> codec = BY_CLASS.get(module.getClass());
        if (codec == null) {
            throw new IllegalArgumentException("cannot describe " + path + ": no codec for " + module.getClass().getName()
                    + "; register one with Architecture.register");
        }
        ObjectNode node = Json.object();
        node.put("type", codec.type());
        encodeWith(codec, module, new LayerConfig(node.putObject("config"), path, budget));
        return node;
    }

    @SuppressWarnings("unchecked")
    private static <M extends Module> void encodeWith(ModuleCodec<M> codec, Module module, LayerConfig config) {
        codec.encode((M) module, config);
    }

    static Module decode(JsonNode node, String path, long[] budget) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("architecture at " + path + " should be a JSON object with a type and a config");
        }
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual()) {
            throw new IllegalArgumentException("architecture at " + path + " has no type name");
        }
        ModuleCodec<?> codec = BY_TYPE.get(type.textValue());
        if (codec == null) {
            throw new IllegalArgumentException("architecture at " + path + " names an unknown layer type '" + type.textValue()
                    + "'; known types: " + new TreeSet<>(BY_TYPE.keySet()) + " (register a ModuleCodec for others)");
        }
        JsonNode config = node.get("config");
        ObjectNode configObject = config == null ? Json.object() : config instanceof ObjectNode object ? object : null;
        if (configObject == null) {
            throw new IllegalArgumentException("architecture at " + path + " has a config that is not a JSON object");
        }
        Module module;
        try {
            module = codec.decode(new LayerConfig(configObject, path, budget));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("architecture at ")) {
                throw e;
            }
            throw new IllegalArgumentException("architecture at " + path + " (" + codec.type() + "): " + e.getMessage(), e);
        }
        if (module == null || module.getClass() != codec.moduleClass()) {
            throw new IllegalStateException("the codec for '" + codec.type() + "' built " + module + " instead of a "
                    + codec.moduleClass().getSimpleName());
        }
        return module;
    }
}
