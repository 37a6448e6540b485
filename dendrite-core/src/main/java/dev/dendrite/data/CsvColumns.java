package dev.dendrite.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Which columns of a CSV file are the target and the features, resolved against its header. */
record CsvColumns(List<String> names, int target, int[] features, boolean[] oneHot) {

    /** Resolves the reader's choices against the column {@code names}; errors name the file and the columns. */
    static CsvColumns resolve(Csv options, List<String> names) {
        int target = index(options, names, options.target, "target");
        List<Integer> features = new ArrayList<>();
        if (options.features == null) {
            for (int j = 0; j < names.size(); j++) {
                if (j != target) {
                    features.add(j);
                }
            }
        } else {
            for (Csv.ColumnRef ref : options.features) {
                int j = index(options, names, ref, "feature");
                if (j == target) {
                    throw new DataFormatException(options.file, headerLine(options), j + 1,
                            "column '" + names.get(j) + "' cannot be both the target and a feature");
                }
                if (features.contains(j)) {
                    throw new DataFormatException(options.file, headerLine(options), j + 1,
                            "column '" + names.get(j) + "' is listed twice as a feature");
                }
                features.add(j);
            }
        }
        if (features.isEmpty()) {
            throw new DataFormatException(options.file, headerLine(options), -1,
                    "no feature columns: the file has only the target column '" + names.get(target) + "'");
        }
        boolean[] oneHot = new boolean[names.size()];
        Set<String> featureNames = new LinkedHashSet<>();
        features.forEach(j -> featureNames.add(names.get(j)));
        for (String name : options.oneHot) {
            if (!featureNames.contains(name)) {
                throw new DataFormatException(options.file, headerLine(options), -1, "one-hot column '" + name
                        + "' is not among the feature columns " + featureNames);
            }
            oneHot[names.indexOf(name)] = true;
        }
        return new CsvColumns(List.copyOf(names), target,
                features.stream().mapToInt(Integer::intValue).toArray(), oneHot);
    }

    private static int index(Csv options, List<String> names, Csv.ColumnRef ref, String role) {
        Path file = options.file;
        if (ref.name() != null) {
            if (!options.header) {
                throw new DataFormatException(file, "the " + role + " column " + ref
                        + " is chosen by name, but the file is read without a header; choose it by index");
            }
            int j = names.indexOf(ref.name());
            if (j < 0) {
                throw new DataFormatException(file, 1, -1, "no column named '" + ref.name() + "' for the " + role
                        + "; the columns are " + names);
            }
            return j;
        }
        int j = ref.index() < 0 ? ref.index() + names.size() : ref.index();
        if (j < 0 || j >= names.size()) {
            throw new DataFormatException(file, "no column at index " + ref.index() + " for the " + role
                    + "; rows have " + names.size() + " columns (0-based indices 0.." + (names.size() - 1) + ")");
        }
        return j;
    }

    private static long headerLine(Csv options) {
        return options.header ? 1 : -1;
    }
}
