package dev.dendrite.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes image files (PNG, JPEG, BMP, GIF: whatever ImageIO reads) into {@code [channels, height,
 * width]} floats in [0, 1], resized to a fixed size (or required to have it); 1 channel is luma (ITU-R BT.601), 3 are RGB.
 * A file ImageIO does not recognise, or whose data is damaged (also when ImageIO only warns), fails
 * with a {@link DataFormatException} naming it.
 */
record ImageDecoder(int channels, int height, int width, boolean resize) {

    /** Whether ImageIO recognises {@code file} as an image, from its first bytes. */
    static boolean isImage(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            return in != null && ImageIO.getImageReaders(in).hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /** Decodes {@code file} into {@code destination} from {@code offset}. */
    void decode(Path file, float[] destination, int offset) {
        BufferedImage image = read(file);
        int h = image.getHeight();
        int w = image.getWidth();
        if (!resize && (h != height || w != width)) {
            throw new DataFormatException(file, "image is " + h + "x" + w + " (height x width), not " + height + "x"
                    + width + " like the first image; pass size(height, width) to resize them all");
        }
        float[][] planes = planes(image);
        float[] source = new float[h * w];
        for (int c = 0; c < channels; c++) {
            if (channels == 1 && planes.length == 3) {
                for (int p = 0; p < source.length; p++) {
                    source[p] = 0.299f * planes[0][p] + 0.587f * planes[1][p] + 0.114f * planes[2][p];
                }
            } else {
                source = planes[Math.min(c, planes.length - 1)];
            }
            int plane = offset + c * height * width;
            if (h == height && w == width) {
                System.arraycopy(source, 0, destination, plane, source.length);
            } else {
                Resize.bilinear(source, h, w, destination, plane, height, width);
            }
        }
    }

    /** The size of {@code file}'s first image as {@code {height, width}}, read from its header only. */
    static int[] size(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(file, in);
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getHeight(0), reader.getWidth(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, e);
        }
    }

    private static BufferedImage read(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(file, in);
            List<String> warnings = new ArrayList<>();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new DataFormatException(file, "corrupt " + reader.getFormatName() + " image: "
                            + String.join("; ", warnings));
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (DataFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, e);
        }
    }

    private static ImageReader reader(Path file, ImageInputStream in) throws IOException {
        if (in == null) {
            throw new IOException("cannot open the file");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new DataFormatException(file, "not an image ImageIO can read (PNG, JPEG, BMP, GIF)");
        }
        return readers.next();
    }

    private static DataFormatException corrupt(Path file, Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = e.getMessage() + (root != e ? " (" + root + ")" : "");
        return new DataFormatException(file, -1, -1, "corrupt or unreadable image: " + detail, e);
    }

    /** The image as 1 (gray) or 3 (RGB) planes in [0, 1], at its own size. */
    private static float[][] planes(BufferedImage image) {
        int h = image.getHeight();
        int w = image.getWidth();
        ColorModel model = image.getColorModel();
        if (model instanceof ComponentColorModel && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            // Raw samples: getRGB would pass gray through a linear-to-sRGB curve and change the values.
            float max = (1 << model.getComponentSize(0)) - 1;
            float[] gray = image.getRaster().getSamples(0, 0, w, h, 0, new float[h * w]);
            for (int p = 0; p < gray.length; p++) {
                gray[p] /= max;
            }
            return new float[][] {gray};
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        float[][] rgb = new float[3][h * w];
        for (int p = 0; p < argb.length; p++) {
            rgb[0][p] = ((argb[p] >> 16) & 0xFF) / 255f;
            rgb[1][p] = ((argb[p] >> 8) & 0xFF) / 255f;
            rgb[2][p] = (argb[p] & 0xFF) / 255f;
        }
        return rgb;
    }
}
