package dev.dendrite.cli;

import dev.dendrite.train.History;
import dev.dendrite.train.metric.RocCurve;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The run's charts (JFreeChart): loss and metric per epoch, confusion-matrix heat map, ROC curve. */
final class Plots {

    static final int WIDTH = 800;
    static final int HEIGHT = 480;

    private Plots() {
    }

    /** Training and validation {@code name} per epoch, with the best epoch (1-based; 0 for none) marked. */
    static Chart perEpoch(History history, String name, String title, int bestEpoch) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String key : List.of(name, "val_" + name)) {
            if (!history.names().contains(key)) {
                continue;
            }
            XYSeries series = new XYSeries(key.startsWith("val_") ? "validation" : "training");
            double[] values = history.get(key);
            for (int i = 0; i < values.length; i++) {
                if (Double.isFinite(values[i])) {
                    series.add(i + 1, values[i]);
                }
            }
            data.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", name, data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = style(chart);
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        if (bestEpoch > 0) {
            ValueMarker marker = new ValueMarker(bestEpoch, new Color(0xC0392B), new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            marker.setLabel("best epoch " + bestEpoch + " (its weights kept) ");
            marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addDomainMarker(marker);
        }
        return new Chart(chart, WIDTH, HEIGHT);
    }

    /** The confusion matrix as a heat map, true classes up the side and predicted along the bottom, counts in the cells. */
    static Chart confusion(long[][] counts, List<String> classNames) {
        int k = counts.length;
        double[][] xyz = new double[3][k * k];
        long max = 1;
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                int i = t * k + p;
                xyz[0][i] = p;
                xyz[1][i] = k - 1 - t;
                xyz[2][i] = counts[t][p];
                max = Math.max(max, counts[t][p]);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("counts", xyz);
        String[] names = classNames.toArray(String[]::new);
        String[] reversed = new String[k];
        for (int i = 0; i < k; i++) {
            reversed[i] = names[k - 1 - i];
        }
        SymbolAxis predicted = new SymbolAxis("predicted class", names);
        SymbolAxis actual = new SymbolAxis("true class", reversed);
        Font tickFont = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        predicted.setTickLabelFont(tickFont);
        actual.setTickLabelFont(tickFont);
        predicted.setVerticalTickLabels(k > 4);
        XYBlockRenderer renderer = new XYBlockRenderer();
        LookupPaintScale scale = new LookupPaintScale(0, max + 1, Color.WHITE);
        for (int step = 0; step <= 20; step++) {
            float f = step / 20f;
            scale.add(max * f, new Color(1 - 0.85f * f, 1 - 0.55f * f, 1 - 0.25f * f));
        }
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, predicted, actual, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, Math.max(11, 28 - 2 * k));
        for (int i = 0; i < k * k; i++) {
            XYTextAnnotation label = new XYTextAnnotation(Long.toString((long) xyz[2][i]), xyz[0][i], xyz[1][i]);
            label.setFont(font);
            label.setPaint(xyz[2][i] > max * 0.6 ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(label);
        }
        JFreeChart chart = new JFreeChart("Confusion matrix (test)", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        NumberAxis legendAxis = new NumberAxis("examples");
        legendAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(10, 10, 10, 10);
        chart.addSubtitle(legend);
        return new Chart(chart, 560, 480);
    }

    /** The ROC curve with its area, against the diagonal of guessing. */
    static Chart roc(RocCurve curve, double auc) {
        XYSeries roc = new XYSeries(String.format(Locale.ROOT, "model (AUC %.4f)", auc), false, true);
        for (int i = 0; i < curve.size(); i++) {
            roc.add(curve.fpr()[i], curve.tpr()[i]);
        }
        XYSeries chance = new XYSeries("chance", false, true);
        chance.add(0, 0);
        chance.add(1, 1);
        XYSeriesCollection data = new XYSeriesCollection(roc);
        data.addSeries(chance);
        JFreeChart chart = ChartFactory.createXYLineChart("ROC curve (test)", "false-positive rate", "true-positive rate",
                data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = style(chart);
        plot.getRenderer().setSeriesStroke(1, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 4f}, 0f));
        plot.getRenderer().setSeriesPaint(1, Color.GRAY);
        plot.getDomainAxis().setRange(0, 1);
        plot.getRangeAxis().setRange(0, 1.02);
        return new Chart(chart, 560, 520);
    }

    private static XYPlot style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, new Color(0x2E86C1));
        renderer.setSeriesPaint(1, new Color(0xE67E22));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        plot.setRenderer(renderer);
        return plot;
    }
}
