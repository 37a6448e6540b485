package dev.dendrite.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * The loss landscape as a chart: a heat map of the loss over the (α, β) grid, coloured in log scale, with
 * contour lines at log-spaced levels, the trained weights (0, 0) marked in red and the grid's lowest point
 * in white.
 */
final class LandscapePlot {

    static final int WIDTH = 680;
    static final int HEIGHT = 600;
    static final int LEVELS = 12;

    /** Dark blue through teal and green to yellow, as viridis: readable in grey and for colour-blind eyes. */
    private static final Color[] RAMP = {new Color(0x440154), new Color(0x3B528B), new Color(0x21918C),
            new Color(0x5EC962), new Color(0xFDE725)};

    private LandscapePlot() {
    }

    /** The chart of {@code surface}; {@code examples} says how many examples each point's loss is over. */
    static Chart of(LossSurface surface, int examples) {
        double[] xs = surface.coordinates();
        double[][] loss = surface.loss();
        int steps = xs.length;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double[] row : loss) {
            for (double value : row) {
                if (Double.isFinite(value)) {
                    min = Math.min(min, value);
                    max = Math.max(max, value);
                }
            }
        }
        double low = Math.max(min, 1e-12);
        double high = Math.max(max, low * 1.001);
        double[][] shown = new double[steps][steps];
        double[][] xyz = new double[3][steps * steps];
        for (int i = 0; i < steps; i++) {
            for (int j = 0; j < steps; j++) {
                double value = Double.isFinite(loss[i][j]) ? Math.max(loss[i][j], low) : high;
                shown[i][j] = value;
                xyz[0][i * steps + j] = xs[i];
                xyz[1][i * steps + j] = xs[j];
                xyz[2][i * steps + j] = value;
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("loss", xyz);
        double spacing = steps > 1 ? xs[1] - xs[0] : 1;
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setBlockWidth(spacing);
        renderer.setBlockHeight(spacing);
        PaintScale scale = new LogScale(low, high);
        renderer.setPaintScale(scale);
        NumberAxis alpha = new NumberAxis("alpha (direction 1)");
        NumberAxis beta = new NumberAxis("beta (direction 2)");
        double edge = xs[steps - 1] + spacing / 2;
        alpha.setRange(-edge, edge);
        beta.setRange(-edge, edge);
        XYPlot plot = new XYPlot(data, alpha, beta, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        BasicStroke thin = new BasicStroke(1f);
        Color line = new Color(255, 255, 255, 170);
        for (double level : Contours.logLevels(low, high, LEVELS)) {
            for (double[] s : Contours.segments(xs, xs, shown, level)) {
                plot.addAnnotation(new XYLineAnnotation(s[0], s[1], s[2], s[3], thin, line), false);
            }
        }
        int[] best = surface.argmin();
        if (best[0] >= 0 && !(xs[best[0]] == 0 && xs[best[1]] == 0)) {
            plot.addAnnotation(new XYShapeAnnotation(diamond(xs[best[0]], xs[best[1]], spacing * 0.35),
                    new BasicStroke(1.5f), Color.BLACK, Color.WHITE), false);
        }
        double r = spacing * 0.3;
        plot.addAnnotation(new XYShapeAnnotation(new Ellipse2D.Double(-r, -r, 2 * r, 2 * r), new BasicStroke(2f),
                Color.WHITE, new Color(0xE74C3C)), false);
        XYTextAnnotation label = new XYTextAnnotation("trained weights", 0, -2.2 * r);
        label.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        label.setPaint(Color.WHITE);
        label.setTextAnchor(TextAnchor.TOP_CENTER);
        plot.addAnnotation(label);

        JFreeChart chart = new JFreeChart("Loss landscape", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        chart.addSubtitle(new TextTitle(String.format(Locale.ROOT,
                "filter-normalised random directions, %d x %d grid, %,d examples", steps, steps, examples), small));
        boolean atCentre = best[0] >= 0 && xs[best[0]] == 0 && xs[best[1]] == 0;
        String where = best[0] < 0 ? "" : atCentre ? ", the lowest on the grid"
                : String.format(Locale.ROOT, "; lowest on the grid %s at (%s, %s) (white)",
                        Numbers.short3(loss[best[0]][best[1]]), Numbers.short3(xs[best[0]]), Numbers.short3(xs[best[1]]));
        chart.addSubtitle(new TextTitle("loss at the trained weights " + Numbers.short3(surface.centre()) + " (red)" + where, small));
        LogAxis legendAxis = new LogAxis("loss (log scale)");
        legendAxis.setRange(low, high);
        legendAxis.setTickUnit(new NumberTickUnit(Numbers.logTickUnit(Math.log10(high / low))));
        legendAxis.setNumberFormatOverride(Numbers.SHORT);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setSubdivisionCount(400);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(10, 10, 10, 10);
        chart.addSubtitle(legend);
        return new Chart(chart, WIDTH, HEIGHT);
    }

    private static Path2D diamond(double x, double y, double r) {
        Path2D.Double shape = new Path2D.Double();
        shape.moveTo(x, y - r);
        shape.lineTo(x + r, y);
        shape.lineTo(x, y + r);
        shape.lineTo(x - r, y);
        shape.closePath();
        return shape;
    }

    /** Colours by the logarithm of the value along {@link #RAMP}. */
    private record LogScale(double lower, double upper) implements PaintScale {

        @Override
        public double getLowerBound() {
            return lower;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            double t = (Math.log(Math.max(value, lower)) - Math.log(lower)) / (Math.log(upper) - Math.log(lower));
            t = Math.max(0, Math.min(1, Double.isNaN(t) ? 1 : t)) * (RAMP.length - 1);
            int k = Math.min((int) t, RAMP.length - 2);
            double f = t - k;
            Color a = RAMP[k];
            Color b = RAMP[k + 1];
            return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
        }
    }
}
