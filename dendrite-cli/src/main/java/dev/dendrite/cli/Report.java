package dev.dendrite.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's {@code report.html}: one self-contained page, charts inlined as base64 PNG (each with a link to
 * the SVG written beside it). Commands run later (landscape) add or replace a marked section of it.
 */
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

    /** An empty section {@code id} holding {@code fragment}, for a later {@link #putSection} to replace. */
    Report section(String id, String fragment) {
        body.append("<!-- section:").append(id).append(" -->\n").append(fragment).append("<!-- /section:").append(id)
                .append(" -->\n");
        return this;
    }

    /** A paragraph in smaller, grey type: a hint or a caveat. */
    Report note(String text) {
        body.append("<p class=\"note\">").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A two-column table of names and values; empty values are left out. */
    Report table(Map<String, ?> rows) {
        body.append("<table class=\"kv\">\n");
        rows.forEach((name, value) -> {
            String text = format(value);
            if (!text.isEmpty() && !text.equals("null")) {
                body.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(text)).append("</td></tr>\n");
            }
        });
        body.append("</table>\n");
        return this;
    }

    /** A table with a header row; the first column is a row header, the others are right-aligned numbers. */
    Report table(String[] header, List<String[]> rows) {
        body.append("<div class=\"wide\"><table class=\"grid\"><tr>");
        for (String h : header) {
            body.append("<th>").append(escape(h)).append("</th>");
        }
        body.append("</tr>\n");
        for (String[] row : rows) {
            body.append("<tr><th>").append(escape(row[0])).append("</th>");
            for (int c = 1; c < row.length; c++) {
                body.append("<td>").append(escape(row[c])).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table></div>\n");
        return this;
    }

    /** The confusion matrix as a table, true classes as rows. */
    Report confusion(long[][] counts, List<String> classNames) {
        body.append("<div class=\"wide\"><table class=\"cm\"><tr><th>true \\ predicted</th>");
        classNames.forEach(c -> body.append("<th>").append(escape(c)).append("</th>"));
        body.append("</tr>\n");
        for (int t = 0; t < counts.length; t++) {
            body.append("<tr><th>").append(escape(classNames.get(t))).append("</th>");
            for (int p = 0; p < counts[t].length; p++) {
                body.append(t == p ? "<td class=\"diag\">" : "<td>").append(counts[t][p]).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table></div>\n");
        return this;
    }

    /** A chart inlined as PNG, with a link to its vector version {@code svgFile} (a file name beside the report). */
    Report image(String alt, byte[] png, String svgFile) {
        body.append("<figure><img alt=\"").append(escape(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">");
        if (svgFile != null) {
            body.append("<figcaption><a href=\"").append(escape(svgFile)).append("\">").append(escape(svgFile))
                    .append("</a> (vector)</figcaption>");
        }
        body.append("</figure>\n");
        return this;
    }

    /** The body built so far, as an HTML fragment. */
    String fragment() {
        return body.toString();
    }

    /**
     * Puts {@code fragment} into the report {@code file} as the section {@code id}: replacing that section if
     * the report has it, else before the end of the page.
     */
    static void putSection(Path file, String id, String fragment) {
        String begin = "<!-- section:" + id + " -->";
        String end = "<!-- /section:" + id + " -->";
        try {
            String html = Files.readString(file, StandardCharsets.UTF_8);
            String section = begin + "\n" + fragment + end + "\n";
            int from = html.indexOf(begin);
            int to = html.indexOf(end);
            if (from >= 0 && to > from) {
                html = html.substring(0, from) + section + html.substring(to + end.length()).replaceFirst("^\n", "");
            } else {
                int close = html.lastIndexOf("</body>");
                if (close < 0) {
                    throw new CliException(file + ": is not a Dendrite report (no </body>)");
                }
                html = html.substring(0, close) + section + html.substring(close);
            }
            AtomicText.write(file, html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + file + ": " + e.getMessage(), e);
        }
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
                table.grid td { text-align: right; } table.grid tr:first-child th { background: #f6f6f6; }
                div.wide { overflow-x: auto; } table.cm td { text-align: right; min-width: 3em; } table.cm td.diag { background: #d6eaf8; font-weight: 600; }
                figure { margin: 0.8em 0; } img { max-width: 100%%; border: 1px solid #eee; }
                figcaption { font-size: 0.8em; color: #666; } .note { color: #555; font-size: 0.9em; }
                </style></head><body>
                <h1>%s</h1>
                %s</body></html>
                """.formatted(escape(title), escape(title), body);
        try {
            AtomicText.write(file, html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String format(Object value) {
        if (value instanceof Double d) {
            return Math.abs(d) >= 1e-3 || d == 0 ? String.format(Locale.ROOT, "%.4f", d) : Numbers.digits(d, 4);
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder text = new StringBuilder();
            map.forEach((k, v) -> text.append(text.isEmpty() ? "" : ", ").append(format(v)).append(' ').append(k));
            return text.toString();
        }
        return String.valueOf(value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
