package dev.dendrite.cli;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGraphics2D;

/**
 * A chart at its size, drawn headless as PNG (raster, for the report) and SVG (vector, for papers and
 * slides; Apache Batik's SVG Graphics2D, Apache-2.0 licensed like the rest of the chain but
 * JFreeChart, which is LGPL).
 *
 * @param chart the JFreeChart
 * @param width pixels across
 * @param height pixels down
 */
record Chart(JFreeChart chart, int width, int height) {

    static {
        System.setProperty("java.awt.headless", "true");
        // ImageIO's default disk cache registers files for deletion at exit, which fails once the JVM
        // is shutting down — exactly when a Ctrl-C'd run writes its report. Small PNGs need no disk cache.
        javax.imageio.ImageIO.setUseCache(false);
    }

    /** The chart as PNG bytes. */
    byte[] png() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(bytes, chart, width, height);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the chart '" + title() + "': " + e.getMessage(), e);
        }
    }

    /** The chart as a standalone SVG document. */
    String svg() {
        SVGGraphics2D graphics = new SVGGraphics2D(
                GenericDOMImplementation.getDOMImplementation().createDocument("http://www.w3.org/2000/svg", "svg", null));
        graphics.setSVGCanvasSize(new Dimension(width, height));
        chart.draw(graphics, new Rectangle(0, 0, width, height));
        StringWriter out = new StringWriter();
        try {
            // Serialised by the JDK's XML transformer: compact, and every element closed as </name>.
            javax.xml.transform.Transformer serializer = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
            serializer.transform(new javax.xml.transform.dom.DOMSource(graphics.getRoot()),
                    new javax.xml.transform.stream.StreamResult(out));
        } catch (javax.xml.transform.TransformerException e) {
            throw new UncheckedIOException("cannot draw the chart '" + title() + "' as SVG: " + e.getMessage(),
                    new IOException(e));
        }
        return out.toString();
    }

    /** Writes {@code stem.png} and {@code stem.svg} into {@code dir}; returns the PNG bytes. */
    byte[] save(Path dir, String stem) {
        byte[] png = png();
        write(dir.resolve(stem + ".png"), png);
        write(dir.resolve(stem + ".svg"), svg().getBytes(StandardCharsets.UTF_8));
        return png;
    }

    private String title() {
        return chart.getTitle() == null ? "" : chart.getTitle().getText();
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
