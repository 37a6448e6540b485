package dev.dendrite.optim;

import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.Tensor;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Reading and writing the {@code Map<String, Tensor>} state dicts of optimizers and schedules.
 *
 * <p>A scalar (a step count, a learning rate) is stored exactly: as a 1-element tensor when float32
 * holds it, otherwise as up to 3 float32 parts whose sum in double is the value (the first part is the
 * value rounded to float32). That keeps a restored run bit-identical to an uninterrupted one.
 */
public final class StateDicts {

    private StateDicts() {
    }

    /** {@code value} as a tensor of 1 to 3 float32 parts that add up exactly to it. */
    public static Tensor scalar(double value) {
        float hi = (float) value;
        if (hi == value || Double.isNaN(value)) {
            return Tensor.of(hi);
        }
        if (Float.isInfinite(hi)) {
            throw new IllegalArgumentException("cannot store " + value + ": it is beyond the float32 range");
        }
        double rest = value - hi;
        float mid = (float) rest;
        if (mid == rest) {
            return Tensor.of(hi, mid);
        }
        return Tensor.of(hi, mid, (float) (rest - mid));
    }

    /** The scalar stored under {@code key} by {@link #scalar(double)}; a clear error if it is missing or malformed. */
    public static double readScalar(Map<String, Tensor> dict, String key) {
        Tensor tensor = require(dict, key);
        if (tensor.rank() > 1 || tensor.size() < 1 || tensor.size() > 3) {
            throw new IllegalArgumentException("state dict entry '" + key + "' should be a scalar (1 to 3 float parts), has shape "
                    + tensor.shape());
        }
        double value = 0;
        for (float part : tensor.data()) {
            value += part;
        }
        return value;
    }

    /** The integer stored under {@code key}; a clear error if it is not a whole number in {@code [min, max]}. */
    public static long readLong(Map<String, Tensor> dict, String key, long min, long max) {
        double value = readScalar(dict, key);
        if (value != Math.rint(value) || value < min || value > max) {
            throw new IllegalArgumentException("state dict entry '" + key + "' should be a whole number in [" + min + ", "
                    + max + "], is " + value);
        }
        return (long) value;
    }

    /** The tensor under {@code key}, checked to have {@code shape}; the error names the key and both shapes. */
    public static Tensor readTensor(Map<String, Tensor> dict, String key, Shape shape) {
        Tensor tensor = require(dict, key);
        if (!tensor.shape().equals(shape)) {
            throw new IllegalArgumentException("state dict entry '" + key + "' has shape " + tensor.shape()
                    + ", expected " + shape);
        }
        return tensor;
    }

    /** Fails, naming them, if {@code dict} holds keys outside {@code known}. */
    public static void rejectUnknownKeys(Map<String, Tensor> dict, Set<String> known, String owner) {
        rejectUnknownKeys(dict, known, () -> owner);
    }

    /** As {@link #rejectUnknownKeys(Map, Set, String)}, describing the owner only when there is an error. */
    public static void rejectUnknownKeys(Map<String, Tensor> dict, Set<String> known, Supplier<String> owner) {
        Set<String> unknown = new TreeSet<>(dict.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("state dict for " + owner.get() + " has unexpected entries " + unknown);
        }
    }

    private static Tensor require(Map<String, Tensor> dict, String key) {
        Tensor tensor = dict.get(key);
        if (tensor == null) {
            throw new IllegalArgumentException("state dict has no entry '" + key + "'");
        }
        return tensor;
    }
}
