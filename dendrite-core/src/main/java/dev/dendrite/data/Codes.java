package dev.dendrite.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct strings of a text column, each given a code in order of first appearance, and the
 * code of every row. {@link #sortedNames()} and {@link #sortedIndex()} renumber them in sorted order
 * (numerically when every name is a number), so class indices do not depend on row order.
 */
final class Codes {

    private final Map<String, Integer> byName = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private int[] rows = new int[1024];
    private int size;

    /** Appends the row's value. */
    void add(String value) {
        Integer code = byName.get(value);
        if (code == null) {
            code = names.size();
            byName.put(value, code);
            names.add(value);
        }
        if (size == rows.length) {
            rows = Arrays.copyOf(rows, size * 2);
        }
        rows[size++] = code;
    }

    /** Appends every row of {@code other}, in order. */
    void addAll(Codes other) {
        for (int i = 0; i < other.size; i++) {
            add(other.names.get(other.rows[i]));
        }
    }

    /** The number of distinct values. */
    int distinct() {
        return names.size();
    }

    /** The number of rows. */
    int size() {
        return size;
    }

    /** The distinct values, sorted. */
    List<String> sortedNames() {
        List<String> sorted = new ArrayList<>(names);
        boolean numeric = sorted.stream().allMatch(n -> !Double.isNaN(Numbers.parse(n)));
        sorted.sort(numeric ? Comparator.comparingDouble(Numbers::parse) : Comparator.naturalOrder());
        return sorted;
    }

    /** Each row's index into {@link #sortedNames()}. */
    int[] sortedIndex() {
        List<String> sorted = sortedNames();
        int[] rank = new int[names.size()];
        for (int code = 0; code < rank.length; code++) {
            rank[code] = sorted.indexOf(names.get(code));
        }
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = rank[rows[i]];
        }
        return out;
    }
}
