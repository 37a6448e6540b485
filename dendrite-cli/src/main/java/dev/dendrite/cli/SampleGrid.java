package dev.dendrite.cli;

import dev.dendrite.data.Batch;
import dev.dendrite.data.Dataset;
import dev.dendrite.data.Subset;
import dev.dendrite.nn.Module;
import dev.dendrite.tensor.Tensor;
import dev.dendrite.train.Trainer;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * A grid of test images as the model saw them (before scaling), each with its true class and the model's
 * prediction underneath, wrong predictions in red: a look at what the numbers of an image run mean.
 */
final class SampleGrid {

    static final int COLUMNS = 8;
    static final int TILE = 84;
    private static final int CAPTION = 30;

    private SampleGrid() {
    }

    /**
     * The grid as PNG: {@code pixels} holds the images one after the other as {@code format} says (planes of
     * channels, values in [0, 1]); {@code truth} and {@code predicted} are class indices into {@code classNames}.
     */
    static byte[] png(float[] pixels, InputFormat format, int[] truth, int[] predicted, List<String> classNames) {
        int n = truth.length;
        int rows = (n + COLUMNS - 1) / COLUMNS;
        BufferedImage grid = new BufferedImage(COLUMNS * TILE, rows * (TILE + CAPTION), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            int size = format.inputs();
            double scale = Math.min((TILE - 8.0) / format.width(), (TILE - 8.0) / format.height());
            int w = Math.max(1, (int) Math.round(format.width() * scale));
            int h = Math.max(1, (int) Math.round(format.height() * scale));
            for (int i = 0; i < n; i++) {
                int x = (i % COLUMNS) * TILE;
                int y = (i / COLUMNS) * (TILE + CAPTION);
                g.drawImage(image(pixels, i * size, format), x + (TILE - w) / 2, y + 4 + (TILE - 8 - h) / 2, w, h, null);
                g.setColor(Color.DARK_GRAY);
                g.drawString(fit(g, classNames.get(truth[i])), x + 4, y + TILE + 10);
                g.setColor(truth[i] == predicted[i] ? new Color(0x1E8449) : new Color(0xC0392B));
                g.drawString(fit(g, "→ " + classNames.get(predicted[i])), x + 4, y + TILE + 23);
            }
        } finally {
            g.dispose();
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(grid, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the sample images: " + e.getMessage(), e);
        }
    }

    private static BufferedImage image(float[] pixels, int offset, InputFormat format) {
        int w = format.width();
        int h = format.height();
        int plane = w * h;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < plane; p++) {
            int r = level(pixels[offset + p]);
            int gr = format.grayscale() ? r : level(pixels[offset + plane + p]);
            int b = format.grayscale() ? r : level(pixels[offset + 2 * plane + p]);
            image.setRGB(p % w, p / w, (r << 16) | (gr << 8) | b);
        }
        return image;
    }

    private static int level(float value) {
        return Math.max(0, Math.min(255, Math.round(value * 255)));
    }

    private static String fit(Graphics2D g, String text) {
        int room = TILE - 6;
        if (g.getFontMetrics().stringWidth(text) <= room) {
            return text;
        }
        String shown = text;
        while (shown.length() > 1 && g.getFontMetrics().stringWidth(shown + "…") > room) {
            shown = shown.substring(0, shown.length() - 1);
        }
        return shown + "…";
    }

    /**
     * The grid of {@code count} test examples spread evenly over the test set (which a stratified split
     * keeps in class order): raw pixels from {@code raw}, predictions of {@code network} on the same
     * examples of {@code scaled}.
     */
    static byte[] ofTestSet(Module network, Dataset raw, Dataset scaled, Task task, InputFormat format,
            List<String> classNames, int count) {
        int n = Math.min(count, raw.size());
        int[] indices = IntStream.range(0, n).map(k -> (int) ((long) k * raw.size() / n)).toArray();
        Batch batch = raw.batch(indices);
        Tensor outputs = Trainer.predict(network, new Subset(scaled, indices), indices.length);
        float[] targets = batch.targets().data();
        int[] truth = new int[indices.length];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = (int) targets[i];
        }
        return png(batch.features().data(), format, truth, Predictions.classes(task, outputs), classNames);
    }
}
