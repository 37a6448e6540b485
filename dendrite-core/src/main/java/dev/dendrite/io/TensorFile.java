package dev.dendrite.io;

import dev.dendrite.tensor.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a safetensors file holds: named float32 tensors (in the header's order) and string metadata.
 * Model files and checkpoints are both read into this first.
 */
public record TensorFile(Map<String, Tensor> tensors, Map<String, String> metadata) {

    /** Keeps read-only views of copies of both maps, preserving their order. */
    public TensorFile {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }
}
