package dev.dendrite.bench.e2e;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a child reports: the wall and CPU seconds of every measured epoch, the test accuracy after them, the
 * inference rates (the median slice's, and every slice's in the order timed), the final training loss
 * and the process's peak resident memory. Travels as one flat JSON line prefixed {@value #PREFIX} on
 * the child's standard output.
 */
record RunResult(String framework, int batch, int threads, double[] epochSeconds, double[] epochCpuSeconds,
                 double testAccuracy,
                 double finalLoss, double inferSingle, double inferBulk, long peakRssKb, String notes,
                 double[] singleSlices, double[] bulkSlices) {

    /** A result without the inference slices (an earlier run's line, or a test's). */
    RunResult(String framework, int batch, int threads, double[] epochSeconds, double[] epochCpuSeconds,
              double testAccuracy, double finalLoss, double inferSingle, double inferBulk, long peakRssKb,
              String notes) {
        this(framework, batch, threads, epochSeconds, epochCpuSeconds, testAccuracy, finalLoss, inferSingle,
                inferBulk, peakRssKb, notes, new double[0], new double[0]);
    }

    static final String PREFIX = "E2E-RESULT ";

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\"[^\"]*\"|\\[[^\\]]*\\]|[^,}]+)");

    /** Median seconds per measured epoch. */
    double medianEpochSeconds() {
        return median(epochSeconds);
    }

    /** Median CPU seconds (all threads of the process) per measured epoch. */
    double medianEpochCpuSeconds() {
        return median(epochCpuSeconds);
    }

    /** Training samples per second at the median epoch. */
    double samplesPerSecond() {
        return Fmnist.TRAIN_SIZE / medianEpochSeconds();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    String toLine() {
        return PREFIX + String.format(Locale.ROOT,
                "{\"framework\":\"%s\",\"batch\":%d,\"threads\":%d,\"epochSeconds\":%s,\"epochCpuSeconds\":%s,"
                        + "\"testAccuracy\":%.5f,\"finalLoss\":%.6f,\"inferSingle\":%.1f,\"inferBulk\":%.1f,"
                        + "\"peakRssKb\":%d,\"notes\":\"%s\",\"singleSlices\":%s,\"bulkSlices\":%s}",
                framework, batch, threads, array(epochSeconds), array(epochCpuSeconds), testAccuracy, finalLoss,
                inferSingle, inferBulk, peakRssKb, notes.replace('"', '\''), rates(singleSlices), rates(bulkSlices));
    }

    private static String array(double[] values) {
        return array(values, "%.4f");
    }

    private static String rates(double[] values) {
        return array(values, "%.1f");
    }

    private static String array(double[] values, String format) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, format, values[i]));
        }
        return text.append(']').toString();
    }

    private static double[] array(String json) {
        return json == null ? new double[0] : Arrays.stream(json.substring(1, json.length() - 1).split(","))
                .filter(s -> !s.isBlank()).mapToDouble(Double::parseDouble).toArray();
    }

    static RunResult parse(String line) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = FIELD.matcher(line.substring(line.indexOf('{')));
        while (matcher.find()) {
            String value = matcher.group(2);
            fields.put(matcher.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
        }
        return new RunResult(fields.get("framework"), Integer.parseInt(fields.get("batch")),
                Integer.parseInt(fields.get("threads")), array(fields.get("epochSeconds")),
                array(fields.get("epochCpuSeconds")), Double.parseDouble(fields.get("testAccuracy")),
                Double.parseDouble(fields.get("finalLoss")), Double.parseDouble(fields.get("inferSingle")),
                Double.parseDouble(fields.get("inferBulk")), Long.parseLong(fields.get("peakRssKb")),
                fields.getOrDefault("notes", ""), array(fields.get("singleSlices")), array(fields.get("bulkSlices")));
    }
}
