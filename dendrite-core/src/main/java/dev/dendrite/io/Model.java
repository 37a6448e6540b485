package dev.dendrite.io;

import dev.dendrite.data.Preprocessor;
import dev.dendrite.nn.Module;
import dev.dendrite.tensor.Tensor;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A trained network ready to be kept, moved and served: the {@link Module} plus the
 * {@link Preprocessing} its inputs need and the names of its classes, saved as one safetensors file.
 *
 * <p>The file's tensors are the module's parameters under their {@link Module#namedParameters() names}
 * ({@code 0.weight}, {@code 0.bias}, ...), so any safetensors reader gets the weights. Its metadata holds
 * {@value #VERSION_KEY} (the format version), {@value #ARCHITECTURE_KEY} (the module tree as
 * {@link Architecture} JSON), {@value #PREPROCESSING_KEY} (scaler and class names as JSON) and
 * {@code dendrite.checksum} (CRC-32C of the content), plus any entries of its own that the application
 * adds with {@link #withMetadata} (how it was trained, what its inputs are), kept as strings. Saves are
 * atomic: a crash mid-save leaves the previous file as it was.
 */
public final class Model {

    /** The format version this Dendrite writes; it reads every version up to this one. */
    public static final int FORMAT_VERSION = 1;
    /** Metadata key of the format version. */
    public static final String VERSION_KEY = "dendrite.format_version";
    /** Metadata key of the architecture JSON. */
    public static final String ARCHITECTURE_KEY = "dendrite.architecture";
    /** Metadata key of the preprocessing JSON. */
    public static final String PREPROCESSING_KEY = "dendrite.preprocessing";

    /**
     * The longest architecture JSON accepted, in characters: a network of 100,000 layers takes about 6 MB,
     * and the JSON tree plus the modules built from it cost a few dozen times the text.
     */
    static final int MAX_ARCHITECTURE_CHARS = 16 << 20;

    /** The metadata keys the format itself uses; {@link #withMetadata} refuses them. */
    private static final Set<String> RESERVED_KEYS = Set.of(VERSION_KEY, ARCHITECTURE_KEY, PREPROCESSING_KEY, Checksum.KEY);

    private final Module module;
    private final Preprocessing preprocessing;
    private final Map<String, String> metadata;

    private Model(Module module, Preprocessing preprocessing, Map<String, String> metadata) {
        this.module = Objects.requireNonNull(module, "module");
        this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A model of {@code module} without preprocessing, class names or metadata. */
    public static Model of(Module module) {
        return new Model(module, Preprocessing.NONE, Map.of());
    }

    /** The same model with the given class names (index i names output i). */
    public Model withClassNames(List<String> classNames) {
        return new Model(module, preprocessing.withClassNames(classNames), metadata);
    }

    /** The same model with the given preprocessing (which carries class names too). */
    public Model withPreprocessing(Preprocessing preprocessing) {
        return new Model(module, preprocessing, metadata);
    }

    /** The same model with a fitted scaler from {@code dev.dendrite.data} (class names are kept). */
    public Model withScaler(Preprocessor scaler) {
        return new Model(module, new Preprocessing(scaler.kind(), scaler.state(), preprocessing.classNames()), metadata);
    }

    /**
     * The same model with one more metadata entry (replacing one of the same key), saved with it and read
     * back by {@link #load}; e.g. JSON saying how the model was trained. The format's own keys
     * ({@value #VERSION_KEY}, {@value #ARCHITECTURE_KEY}, {@value #PREPROCESSING_KEY}, {@code dendrite.checksum})
     * cannot be set this way.
     */
    public Model withMetadata(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (RESERVED_KEYS.contains(key) || key.equals("__metadata__")) {
            throw new IllegalArgumentException("'" + key + "' is a key of the model format itself; choose another");
        }
        Map<String, String> more = new LinkedHashMap<>(metadata);
        more.put(key, value);
        return new Model(module, preprocessing, more);
    }

    /** The metadata entries added with {@link #withMetadata} (read-only, in order); empty for files that have none. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The scaler the model's inputs need, rebuilt from the file; empty when there is none. */
    public Optional<Preprocessor> scaler() {
        if (preprocessing.kind().equals(Preprocessing.NONE.kind())) {
            return Optional.empty();
        }
        return Optional.of(Preprocessor.restore(preprocessing.kind(), preprocessing.params()));
    }

    /** The network. */
    public Module module() {
        return module;
    }

    /** The preprocessing; {@link Preprocessing#NONE} when there is none. */
    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /** The class names; empty when not a classifier or not given. */
    public List<String> classNames() {
        return preprocessing.classNames();
    }

    /** Writes the model to {@code path}, replacing any file there atomically. */
    public void save(Path path) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(VERSION_KEY, Integer.toString(FORMAT_VERSION));
        try {
            metadata.put(ARCHITECTURE_KEY, Architecture.toJson(module));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(path, "cannot save: " + e.getMessage(), e);
        }
        metadata.put(PREPROCESSING_KEY, PreprocessingJson.write(preprocessing));
        metadata.putAll(this.metadata);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        module.namedParameters().forEach((name, parameter) -> tensors.put(name, parameter.value()));
        SafeTensors.write(path, tensors, metadata);
    }

    /**
     * Reads a model saved by {@link #save} (by this or any earlier version of Dendrite). The module is
     * returned in evaluation mode; call {@code train()} on it to go on training. Any problem with the file
     * fails with a {@link ModelFileException} naming it and what is wrong.
     */
    public static Model load(Path path) {
        TensorFile file = SafeTensors.read(path);
        Map<String, String> metadata = file.metadata();
        checkVersion(path, metadata.get(VERSION_KEY));
        if (!metadata.containsKey(Checksum.KEY)) {
            throw new ModelFileException(path, "has no " + Checksum.KEY + " to verify its content against");
        }
        String architecture = require(path, metadata, ARCHITECTURE_KEY);
        if (architecture.length() > MAX_ARCHITECTURE_CHARS) {
            throw new ModelFileException(path, ARCHITECTURE_KEY + " has " + architecture.length() + " characters, more than the "
                    + MAX_ARCHITECTURE_CHARS + " accepted");
        }
        String preprocessingJson = require(path, metadata, PREPROCESSING_KEY);
        long values = 0;
        for (Tensor tensor : file.tensors().values()) {
            values += tensor.size();
        }
        Module module;
        Preprocessing preprocessing;
        try {
            module = Architecture.fromJson(architecture, values);
            preprocessing = PreprocessingJson.read(preprocessingJson);
        } catch (RuntimeException e) {
            throw new ModelFileException(path, e.getMessage(), e);
        }
        Weights.copyInto(module, file.tensors(), path);
        module.eval();
        Map<String, String> extra = new LinkedHashMap<>(metadata);
        extra.keySet().removeAll(RESERVED_KEYS);
        return new Model(module, preprocessing, extra);
    }

    private static void checkVersion(Path path, String version) {
        if (version == null) {
            throw new ModelFileException(path, "is not a Dendrite model file (no " + VERSION_KEY
                    + " in its metadata); to use bare weights, e.g. from PyTorch, build the module and call Weights.load");
        }
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new ModelFileException(path, VERSION_KEY + " '" + version + "' is not a number");
        }
        if (number < 1) {
            throw new ModelFileException(path, VERSION_KEY + " " + number + " is not a valid version");
        }
        if (number > FORMAT_VERSION) {
            throw new ModelFileException(path, "was written in format version " + number + " by a newer Dendrite; this one reads up to "
                    + FORMAT_VERSION);
        }
    }

    private static String require(Path path, Map<String, String> metadata, String key) {
        String value = metadata.get(key);
        if (value == null) {
            throw new ModelFileException(path, "has no " + key + " in its metadata");
        }
        return value;
    }

    /** The module tree and preprocessing kind, for logs. */
    @Override
    public String toString() {
        return "Model(" + module + ", preprocessing=" + preprocessing.kind() + ", classes=" + classNames() + ")";
    }
}
