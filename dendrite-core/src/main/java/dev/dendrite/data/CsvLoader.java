package dev.dendrite.data;

import dev.dendrite.tensor.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** One reading of a CSV file into a {@link CsvDataset}, following a {@link Csv}'s choices. */
final class CsvLoader {

    /** Past this many distinct values, a numeric target is taken for a regression target and its texts are not kept. */
    private static final int MAX_AUTO_CLASSES = 10_000;

    private final Csv options;
    private final Path file;
    private CsvColumns columns;
    private int[] numericColumns;
    private int[] oneHotColumns;
    private Codes[] oneHotCodes;
    private final Floats numeric = new Floats();
    private final Floats targetValues = new Floats();
    private Codes targetCodes = new Codes();
    private boolean targetIsText;
    private int rows;
    private int dropped;
    private long line;

    CsvLoader(Csv options) {
        this.options = options;
        this.file = options.file;
    }

    CsvDataset load() {
        try {
            List<CsvChunks.Chunk> chunks = CsvChunks.plan(file, options.charset, options.quote, DecodePool.cores());
            if (chunks.isEmpty()) {
                readSequentially();
            } else {
                readInParallel(chunks);
            }
        } catch (CharacterCodingException e) {
            throw notText(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return finish();
    }

    private CSVFormat format() {
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(options.delimiter)
                .setQuote(options.quote)
                .setIgnoreEmptyLines(true)
                .get();
    }

    private void readSequentially() throws IOException {
        try (Reader reader = open(0, -1); CSVParser parser = CSVParser.parse(reader, format())) {
            Iterator<CSVRecord> records = parser.iterator();
            firstLine(next(records, parser));
            rows(records, parser, 0);
        }
    }

    /** Reads the first line here, then the rest in line-aligned chunks in parallel, merged in file order. */
    private void readInParallel(List<CsvChunks.Chunk> chunks) throws IOException {
        try (Reader reader = open(0, chunks.getFirst().start()); CSVParser parser = CSVParser.parse(reader, format())) {
            firstLine(next(parser.iterator(), parser));
        }
        CsvLoader[] parts = new CsvLoader[chunks.size()];
        DecodePool.forEach(chunks.size(), chunks.size(), k -> parts[k] = part(chunks.get(k)));
        for (CsvLoader part : parts) {
            absorb(part);
        }
    }

    private void firstLine(CSVRecord first) {
        if (first == null) {
            throw new DataFormatException(file, "the file is empty");
        }
        line = 1;
        List<String> names = options.header ? headerNames(first) : numberedNames(first.size());
        prepare(CsvColumns.resolve(options, names));
        if (!options.header) {
            row(first);
        }
    }

    private void rows(Iterator<CSVRecord> records, CSVParser parser, long lineOffset) throws CharacterCodingException {
        for (CSVRecord record = next(records, parser); record != null; record = next(records, parser)) {
            line = lineOffset + parser.getCurrentLineNumber();
            row(record);
        }
    }

    private CsvLoader part(CsvChunks.Chunk chunk) {
        CsvLoader part = new CsvLoader(options);
        part.prepare(columns);
        part.line = chunk.firstLine() - 1;
        try (Reader reader = open(chunk.start(), chunk.end()); CSVParser parser = CSVParser.parse(reader, format())) {
            part.rows(parser.iterator(), parser, chunk.firstLine() - 1);
        } catch (CharacterCodingException e) {
            throw part.notText(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return part;
    }

    /** Appends the rows another loader read from a later part of the file. */
    private void absorb(CsvLoader part) {
        numeric.addAll(part.numeric);
        for (int k = 0; k < oneHotCodes.length; k++) {
            oneHotCodes[k].addAll(part.oneHotCodes[k]);
        }
        if (!targetIsText && !part.targetIsText) {
            targetValues.addAll(part.targetValues);
        }
        targetIsText |= part.targetIsText;
        if (targetCodes != null && part.targetCodes != null) {
            targetCodes.addAll(part.targetCodes);
            if (!targetIsText && options.targetKind == Csv.TargetKind.AUTO && targetCodes.distinct() > MAX_AUTO_CLASSES) {
                targetCodes = null;
            }
        } else {
            targetCodes = null;
        }
        if (targetIsText && targetCodes == null) {
            throw new DataFormatException(file, -1, columns.target() + 1, "the target column '"
                    + columns.names().get(columns.target()) + "' mixes text labels with over " + MAX_AUTO_CLASSES
                    + " distinct numbers; pass classification() or regression()");
        }
        rows += part.rows;
        dropped += part.dropped;
    }

    private DataFormatException notText(CharacterCodingException e) {
        return TextEncoding.notText(file, options.charset, line + 1,
                "read it with its encoding (Csv.charset(...)) or convert it to " + options.charset, e);
    }

    /** A reader of bytes {@code [start, end)} ({@code end} -1: to the end), skipping a byte-order mark at the start. */
    private Reader open(long start, long end) throws IOException {
        InputStream in = end < 0 ? Files.newInputStream(file) : CsvChunks.open(file, start, end);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, options.charset.newDecoder()), 1 << 16);
        if (start == 0) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
        }
        return reader;
    }

    /** The next record, or null at the end; a malformed record (an unclosed quote) is an error at its line. */
    private CSVRecord next(Iterator<CSVRecord> records, CSVParser parser) throws CharacterCodingException {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException coding) {
                throw coding;
            }
            throw new DataFormatException(file, parser.getCurrentLineNumber(), -1,
                    "malformed CSV: " + e.getCause().getMessage(), e);
        }
    }

    private static List<String> headerNames(CSVRecord header) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < header.size(); j++) {
            String name = header.get(j).strip();
            names.add(name.isEmpty() ? "column " + (j + 1) : name);
        }
        return names;
    }

    private static List<String> numberedNames(int count) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            names.add("column " + (j + 1));
        }
        return names;
    }

    private void prepare(CsvColumns resolved) {
        columns = resolved;
        numericColumns = java.util.Arrays.stream(resolved.features()).filter(j -> !resolved.oneHot()[j]).toArray();
        oneHotColumns = java.util.Arrays.stream(resolved.features()).filter(j -> resolved.oneHot()[j]).toArray();
        oneHotCodes = new Codes[oneHotColumns.length];
        for (int k = 0; k < oneHotCodes.length; k++) {
            oneHotCodes[k] = new Codes();
        }
        if (options.targetKind == Csv.TargetKind.NUMBERS) {
            targetCodes = null;
        }
    }

    private void row(CSVRecord record) {
        int width = columns.names().size();
        if (record.size() != width) {
            throw new DataFormatException(file, line, Math.min(record.size(), width) + 1, "this row has "
                    + record.size() + (record.size() == 1 ? " cell" : " cells") + " but the "
                    + (options.header ? "header has " : "first row has ") + width);
        }
        if (hasMissing(record)) {
            dropped++;
            return;
        }
        for (int j : numericColumns) {
            numeric.add(number(record.get(j), j, "a feature"));
        }
        for (int k = 0; k < oneHotColumns.length; k++) {
            oneHotCodes[k].add(record.get(oneHotColumns[k]).strip());
        }
        target(record.get(columns.target()));
        rows++;
    }

    /** Whether the row is to be dropped; fails on a missing cell the policy does not accept. */
    private boolean hasMissing(CSVRecord record) {
        int target = columns.target();
        if (isMissing(record.get(target))) {
            return missingCell(target, "the target");
        }
        for (int j : columns.features()) {
            if (isMissing(record.get(j)) && (columns.oneHot()[j] || options.missing != MissingValues.MEAN
                    && options.missing != MissingValues.KEEP)) {
                return missingCell(j, columns.oneHot()[j] ? "one-hot column" : "column");
            }
        }
        return false;
    }

    private boolean missingCell(int j, String what) {
        if (options.missing == MissingValues.DROP) {
            return true;
        }
        String policy = options.missing == MissingValues.ERROR
                ? "; pass missing(MissingValues.DROP), MEAN or KEEP to accept gaps"
                : "; only numeric features can be imputed, use missing(MissingValues.DROP) to leave such rows out";
        throw new DataFormatException(file, line, j + 1, "missing value in " + what + " '" + columns.names().get(j)
                + "'" + policy);
    }

    private boolean isMissing(String cell) {
        return options.missingTokens.contains(cell.strip());
    }

    /** The cell as a finite float; NaN for a missing cell the policy keeps. */
    private float number(String cell, int j, String role) {
        double value = Numbers.parse(cell);
        if (Double.isNaN(value)) {
            if (isMissing(cell)) {
                return Float.NaN;
            }
            throw new DataFormatException(file, line, j + 1, role + " column '" + columns.names().get(j) + "': "
                    + (Numbers.isNonFinite(cell) ? "'" + cell.strip() + "' is not a finite number"
                            : "'" + cell + "' is not a number" + textHint(j)));
        }
        float f = (float) value;
        if (Float.isInfinite(f)) {
            throw new DataFormatException(file, line, j + 1, role + " column '" + columns.names().get(j) + "': '"
                    + cell.strip() + "' is beyond the float32 range");
        }
        return f;
    }

    private String textHint(int j) {
        return j == columns.target() ? "" : " (for a text column, pass oneHot(\"" + columns.names().get(j) + "\"))";
    }

    private void target(String cell) {
        int j = columns.target();
        switch (options.targetKind) {
            case NUMBERS -> targetValues.add(number(cell, j, "the target"));
            case CLASSES -> targetCodes.add(cell.strip());
            case AUTO -> {
                double value = Numbers.parse(cell);
                if (Double.isNaN(value) && !targetIsText) {
                    if (Numbers.isNonFinite(cell) || targetCodes == null) {
                        number(cell, j, "the target");
                    }
                    targetIsText = true;
                }
                if (!targetIsText) {
                    targetValues.add(number(cell, j, "the target"));
                }
                if (targetCodes != null) {
                    targetCodes.add(cell.strip());
                    if (!targetIsText && targetCodes.distinct() > MAX_AUTO_CLASSES) {
                        targetCodes = null;
                    }
                }
            }
        }
    }

    private CsvDataset finish() {
        if (rows == 0) {
            throw new DataFormatException(file, dropped > 0
                    ? "no rows left: all " + dropped + " rows have missing values"
                    : "the file has a header but no data rows");
        }
        boolean classes = options.targetKind == Csv.TargetKind.CLASSES || targetIsText;
        List<String> classNames = List.of();
        float[] targets = new float[rows];
        if (classes) {
            classNames = targetCodes.sortedNames();
            if (classNames.size() < 2) {
                throw new DataFormatException(file, -1, columns.target() + 1, "the target column '"
                        + columns.names().get(columns.target()) + "' holds a single class '" + classNames.getFirst()
                        + "' in all " + rows + " rows; a classifier needs at least two classes");
            }
            int[] labels = targetCodes.sortedIndex();
            for (int i = 0; i < rows; i++) {
                targets[i] = labels[i];
            }
        } else {
            targets = targetValues.toArray();
        }
        List<String> featureNames = new ArrayList<>();
        float[] features = assembleFeatures(featureNames);
        return new CsvDataset(file, Tensor.wrap(features, rows, featureNames.size()), Tensor.wrap(targets, rows),
                featureNames, classNames);
    }

    /** Lays the numeric and one-hot columns out row-major, in feature order, imputing means if asked. */
    private float[] assembleFeatures(List<String> names) {
        int[] features = columns.features();
        int[] offset = new int[features.length];
        int width = 0;
        List<List<String>> categories = new ArrayList<>();
        int k = 0;
        for (int c = 0; c < features.length; c++) {
            int j = features[c];
            offset[c] = width;
            String name = columns.names().get(j);
            if (columns.oneHot()[j]) {
                List<String> values = oneHotCodes[k++].sortedNames();
                categories.add(values);
                values.forEach(v -> names.add(name + "=" + v));
                width += values.size();
            } else {
                categories.add(null);
                names.add(name);
                width += 1;
            }
        }
        float[] out = new float[rows * width];
        int numericIndex = 0;
        k = 0;
        for (int c = 0; c < features.length; c++) {
            if (categories.get(c) != null) {
                int[] codes = oneHotCodes[k++].sortedIndex();
                for (int i = 0; i < rows; i++) {
                    out[i * width + offset[c] + codes[i]] = 1f;
                }
            } else {
                int n = numericColumns.length;
                for (int i = 0; i < rows; i++) {
                    out[i * width + offset[c]] = numeric.get(i * n + numericIndex);
                }
                if (options.missing == MissingValues.MEAN) {
                    imputeMean(out, width, offset[c], features[c]);
                }
                numericIndex++;
            }
        }
        return out;
    }

    private void imputeMean(float[] out, int width, int column, int j) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < rows; i++) {
            float v = out[i * width + column];
            if (!Float.isNaN(v)) {
                sum += v;
                count++;
            }
        }
        if (count == 0) {
            throw new DataFormatException(file, -1, j + 1, "column '" + columns.names().get(j)
                    + "' has no values to take a mean of");
        }
        float mean = (float) (sum / count);
        for (int i = 0; i < rows; i++) {
            if (Float.isNaN(out[i * width + column])) {
                out[i * width + column] = mean;
            }
        }
    }
}
