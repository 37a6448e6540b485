package dev.dendrite.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a table of examples from a CSV file (parsed by Apache Commons CSV):
 *
 * <pre>{@code
 * CsvDataset data = Csv.read(Path.of("breast_cancer.csv")).target("diagnosis").load();
 * }</pre>
 *
 * <p>By default the first row is a header, cells are separated by commas and quoted with {@code "},
 * the target is the last column and every other column is a numeric feature. A target column of
 * text (or one declared with {@link #classification()}) becomes class indices {@code 0..k-1} in
 * sorted order of the names, kept in {@link CsvDataset#classNames()}. Numbers are read the same in
 * every locale ({@code 3.5}, {@code -1e-3}). Empty cells and {@code NA}, {@code N/A}, {@code ?} are
 * missing values, an error unless {@link #missing(MissingValues)} says otherwise.
 *
 * <p>Column indices given to this class are 0-based (negative counts from the end); positions in
 * error messages are 1-based, as editors show them. Each setter returns a new, changed reader.
 */
public final class Csv {

    /** How to read the target column. */
    enum TargetKind { AUTO, CLASSES, NUMBERS }

    final Path file;
    final boolean header;
    final char delimiter;
    final char quote;
    final Charset charset;
    final ColumnRef target;
    final List<ColumnRef> features;
    final Set<String> oneHot;
    final TargetKind targetKind;
    final MissingValues missing;
    final Set<String> missingTokens;

    private Csv(Path file, boolean header, char delimiter, char quote, Charset charset, ColumnRef target,
            List<ColumnRef> features, Set<String> oneHot, TargetKind targetKind, MissingValues missing,
            Set<String> missingTokens) {
        this.file = file;
        this.header = header;
        this.delimiter = delimiter;
        this.quote = quote;
        this.charset = charset;
        this.target = target;
        this.features = features;
        this.oneHot = oneHot;
        this.targetKind = targetKind;
        this.missing = missing;
        this.missingTokens = missingTokens;
    }

    /** A reader of {@code file} with the defaults above; nothing is read until {@link #load()}. */
    public static Csv read(Path file) {
        return new Csv(Objects.requireNonNull(file, "file"), true, ',', '"', StandardCharsets.UTF_8,
                ColumnRef.of(-1), null, Set.of(), TargetKind.AUTO, MissingValues.ERROR, Set.of("", "NA", "N/A", "?"));
    }

    /** Whether the first row names the columns (default true); without a header, columns are chosen by index. */
    public Csv header(boolean hasHeader) {
        return new Csv(file, hasHeader, delimiter, quote, charset, target, features, oneHot, targetKind, missing,
                missingTokens);
    }

    /** The cell separator (default {@code ,}; e.g. {@code ;} or {@code \t}). */
    public Csv delimiter(char separator) {
        return new Csv(file, header, separator, quote, charset, target, features, oneHot, targetKind, missing,
                missingTokens);
    }

    /** The quote character (default {@code "}). */
    public Csv quote(char quoteChar) {
        return new Csv(file, header, delimiter, quoteChar, charset, target, features, oneHot, targetKind, missing,
                missingTokens);
    }

    /** The file's text encoding (default UTF-8; a byte-order mark is skipped). */
    public Csv charset(Charset encoding) {
        return new Csv(file, header, delimiter, quote, encoding, target, features, oneHot, targetKind, missing,
                missingTokens);
    }

    /** The target is the column named {@code name} in the header. */
    public Csv target(String name) {
        return new Csv(file, header, delimiter, quote, charset, ColumnRef.of(name), features, oneHot, targetKind,
                missing, missingTokens);
    }

    /** The target is column {@code index} (0-based; -1, the default, is the last). */
    public Csv target(int index) {
        return new Csv(file, header, delimiter, quote, charset, ColumnRef.of(index), features, oneHot, targetKind,
                missing, missingTokens);
    }

    /** Only these columns, in this order, are features (default: every column but the target). */
    public Csv features(String... names) {
        return new Csv(file, header, delimiter, quote, charset, target,
                java.util.Arrays.stream(names).map(ColumnRef::of).toList(), oneHot, targetKind, missing, missingTokens);
    }

    /** Only these columns (0-based), in this order, are features. */
    public Csv features(int... indices) {
        return new Csv(file, header, delimiter, quote, charset, target,
                java.util.Arrays.stream(indices).mapToObj(ColumnRef::of).toList(), oneHot, targetKind, missing,
                missingTokens);
    }

    /**
     * These text feature columns are categorical: each becomes one 0/1 feature per distinct value
     * (named {@code column=value}, values in sorted order).
     */
    public Csv oneHot(String... names) {
        return new Csv(file, header, delimiter, quote, charset, target, features, Set.of(names), targetKind, missing,
                missingTokens);
    }

    /** The target holds class labels (text or numbers), mapped to indices of the sorted names. */
    public Csv classification() {
        return new Csv(file, header, delimiter, quote, charset, target, features, oneHot, TargetKind.CLASSES, missing,
                missingTokens);
    }

    /** The target holds numbers to regress on; text in it is an error. */
    public Csv regression() {
        return new Csv(file, header, delimiter, quote, charset, target, features, oneHot, TargetKind.NUMBERS, missing,
                missingTokens);
    }

    /** What to do with missing cells (default {@link MissingValues#ERROR}). */
    public Csv missing(MissingValues policy) {
        return new Csv(file, header, delimiter, quote, charset, target, features, oneHot, targetKind,
                Objects.requireNonNull(policy, "policy"), missingTokens);
    }

    /** The cell texts that mean "missing" (default: empty, {@code NA}, {@code N/A}, {@code ?}). */
    public Csv missingTokens(String... tokens) {
        return new Csv(file, header, delimiter, quote, charset, target, features, oneHot, targetKind, missing,
                Set.of(tokens));
    }

    /** Reads the file into memory, or fails with a {@link DataFormatException} naming file, line and column. */
    public CsvDataset load() {
        return new CsvLoader(this).load();
    }

    /** A column chosen by header name or by 0-based index. */
    record ColumnRef(String name, int index) {
        static ColumnRef of(String name) {
            return new ColumnRef(Objects.requireNonNull(name, "column name"), 0);
        }

        static ColumnRef of(int index) {
            return new ColumnRef(null, index);
        }

        @Override
        public String toString() {
            return name != null ? "'" + name + "'" : "index " + index;
        }
    }
}
