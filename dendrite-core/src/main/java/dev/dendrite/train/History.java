package dev.dendrite.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happened during training, one entry per finished epoch: the training loss and metrics, the
 * validation loss and metrics ({@code val_} names), the learning rate ({@code lr}) and the epoch's
 * wall time in seconds ({@code time}), as Keras's {@code History}.
 */
public final class History {

    private final List<Map<String, Double>> epochs = new ArrayList<>();
    private String stopReason = "";

    /** Appends the logs of a finished epoch (a copy is kept). */
    public void add(Map<String, Double> logs) {
        epochs.add(Collections.unmodifiableMap(new LinkedHashMap<>(logs)));
    }

    /** The number of finished epochs. */
    public int epochs() {
        return epochs.size();
    }

    /** The logs of epoch {@code index} (0-based). */
    public Map<String, Double> epoch(int index) {
        return epochs.get(index);
    }

    /** All epochs' logs, in order. */
    public List<Map<String, Double>> all() {
        return Collections.unmodifiableList(epochs);
    }

    /** The names logged in any epoch, in first-seen order. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        epochs.forEach(logs -> names.addAll(logs.keySet()));
        return names;
    }

    /** The values of {@code name} per epoch (NaN where an epoch did not log it); fails for an unknown name. */
    public double[] get(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("history has no '" + name + "'; it has " + names());
        }
        return epochs.stream().mapToDouble(logs -> logs.getOrDefault(name, Double.NaN)).toArray();
    }

    /** The value of {@code name} in the last epoch. */
    public double last(String name) {
        double[] values = get(name);
        return values[values.length - 1];
    }

    /** Why training stopped before its last epoch (early stopping, a non-finite loss, an interrupt), or "" if it did not. */
    public String stopReason() {
        return stopReason;
    }

    /** Records why training stopped early. */
    public void stopReason(String reason) {
        this.stopReason = reason;
    }

    /** One line per epoch with every logged value. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < epochs.size(); i++) {
            text.append("epoch ").append(i + 1);
            epochs.get(i).forEach((name, value) -> text.append("  ").append(name).append('=')
                    .append(String.format(java.util.Locale.ROOT, "%.5g", value)));
            text.append('\n');
        }
        if (!stopReason.isEmpty()) {
            text.append(stopReason).append('\n');
        }
        return text.toString();
    }
}
