package dev.dendrite.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run's {@code report.html}: one self-contained page, charts inlined as base64 PNG. */
final class Report {

    private final StringBuilder body = new StringBuilder();
    private final String title;

    Report(String title) {
        this.title = title;
    }

    Report heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    Report paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A two-column table of names and values. */
    Report table(Map<String, ?> rows) {
        body.append("<table class=\"kv\">\n");
        rows.forEach((name, value) -> body.append("<tr><th>").append(escape(name)).append("</th><td>")
                .append(escape(format(value))).append("</td></tr>\n"));
        body.append("</table>\n");
        return this;
    }

    /** The confusion matrix as a table, true classes as rows. */
    Report confusion(long[][] counts, List<String> classNames) {
        body.append("<table class=\"cm\"><tr><th>true \\ predicted</th>");
        classNames.forEach(c -> body.append("<th>").append(escape(c)).append("</th>"));
        body.append("</tr>\n");
        for (int t = 0; t < counts.length; t++) {
            body.append("<tr><th>").append(escape(classNames.get(t))).append("</th>");
            for (int p = 0; p < counts[t].length; p++) {
                body.append(t == p ? "<td class=\"diag\">" : "<td>").append(counts[t][p]).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    Report image(String alt, byte[] png) {
        body.append("<figure><img alt=\"").append(escape(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"></figure>\n");
        return this;
    }

    void write(Path file) {
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>%s</title>
                <style>
                body { font-family: system-ui, sans-serif; max-width: 900px; margin: 2em auto; color: #222; padding: 0 1em; }
                h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ddd; }
                table { border-collapse: collapse; margin: 0.6em 0; }
                th, td { padding: 0.25em 0.8em; border: 1px solid #ddd; text-align: left; }
                table.kv th { background: #f6f6f6; font-weight: 600; }
                table.cm td { text-align: right; min-width: 4em; } table.cm td.diag { background: #d6eaf8; font-weight: 600; }
                figure { margin: 0.8em 0; } img { max-width: 100%%; border: 1px solid #eee; }
                </style></head><body>
                <h1>%s</h1>
                %s</body></html>
                """.formatted(escape(title), escape(title), body);
        try {
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static Map<String, Object> ordered() {
        return new LinkedHashMap<>();
    }

    private static String format(Object value) {
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f", d);
        }
        return String.valueOf(value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
