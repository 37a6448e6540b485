package dev.dendrite.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads a folder of images sorted into one sub-folder per class, as torchvision's {@code ImageFolder}:
 *
 * <pre>{@code
 * ImageFolderDataset xrays = ImageFolder.read(dir).size(64, 64).grayscale().load();
 * }</pre>
 *
 * <p>Classes are the sub-folder names in sorted order. Every file must be an image ImageIO reads
 * (PNG, JPEG, BMP, GIF); a file that is not is an error, or is skipped with a logged warning after
 * {@link #skipInvalid()}. Hidden files (names starting with {@code .}) are ignored. {@link #load()}
 * only lists and recognises the files: images are decoded when a batch asks for them, by
 * {@link #workers(int) a pool of threads}, into {@code [channels, height, width]} in [0, 1].
 * Each setter returns a new, changed reader.
 */
public final class ImageFolder {

    private static final System.Logger LOG = System.getLogger(ImageFolder.class.getName());

    private final Path dir;
    private final int height;
    private final int width;
    private final int channels;
    private final boolean skipInvalid;
    private final int workers;

    private ImageFolder(Path dir, int height, int width, int channels, boolean skipInvalid, int workers) {
        this.dir = dir;
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.skipInvalid = skipInvalid;
        this.workers = workers;
    }

    /** A reader of {@code dir}: RGB, images kept at their size (which must then be the same for all), all cores. */
    public static ImageFolder read(Path dir) {
        return new ImageFolder(Objects.requireNonNull(dir, "dir"), 0, 0, 3, false, DecodePool.cores());
    }

    /** Resizes every image to {@code height x width} (bilinear). */
    public ImageFolder size(int height, int width) {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
        }
        return new ImageFolder(dir, height, width, channels, skipInvalid, workers);
    }

    /** One channel of luma: features {@code [1, height, width]}. */
    public ImageFolder grayscale() {
        return new ImageFolder(dir, height, width, 1, skipInvalid, workers);
    }

    /** Three channels, red, green, blue: features {@code [3, height, width]} (the default). */
    public ImageFolder rgb() {
        return new ImageFolder(dir, height, width, 3, skipInvalid, workers);
    }

    /** Skips files that are not images, logging a warning for each, instead of failing. */
    public ImageFolder skipInvalid() {
        return new ImageFolder(dir, height, width, channels, true, workers);
    }

    /** Decodes with up to {@code threads} threads (default: one per core). */
    public ImageFolder workers(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + threads);
        }
        return new ImageFolder(dir, height, width, channels, skipInvalid, threads);
    }

    /** Lists the classes and their image files; fails on a missing, empty or non-image entry. */
    public ImageFolderDataset load() {
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException(dir, "no such directory");
        }
        List<Path> classDirs = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Path entry : list(dir)) {
            if (Files.isDirectory(entry)) {
                classDirs.add(entry);
            } else {
                invalid(entry, "is not in a class sub-folder; put each image in the folder of its class");
            }
        }
        if (classDirs.isEmpty()) {
            throw new DataFormatException(dir, "has no class sub-folders; expected one folder of images per class");
        }
        List<String> classNames = new ArrayList<>();
        for (Path classDir : classDirs) {
            List<Path> candidates = list(classDir).stream().filter(Files::isRegularFile).toList();
            boolean[] image = new boolean[candidates.size()];
            DecodePool.forEach(candidates.size(), workers, i -> image[i] = ImageDecoder.isImage(candidates.get(i)));
            int before = files.size();
            for (int i = 0; i < candidates.size(); i++) {
                if (image[i]) {
                    files.add(candidates.get(i));
                    labels.add(classNames.size());
                } else {
                    invalid(candidates.get(i), "is not an image ImageIO can read (PNG, JPEG, BMP, GIF)");
                }
            }
            if (files.size() == before) {
                throw new DataFormatException(classDir, "class folder '" + classDir.getFileName()
                        + "' holds no images; remove it or add its images");
            }
            classNames.add(classDir.getFileName().toString());
        }
        int[] size = height > 0 ? new int[] {height, width} : ImageDecoder.size(files.getFirst());
        ImageDecoder decoder = new ImageDecoder(channels, size[0], size[1], height > 0);
        return new ImageFolderDataset(dir, files, labels.stream().mapToInt(Integer::intValue).toArray(), classNames,
                decoder, workers);
    }

    /**
     * Lists the images lying directly in the folder, without classes, for prediction: every target is 0
     * and there are no class names. Fails on a sub-folder (that is a labelled folder: use {@link #load()}),
     * on a non-image file (unless {@link #skipInvalid()}) and on a folder without images.
     */
    public ImageFolderDataset loadUnlabelled() {
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException(dir, "no such directory");
        }
        List<Path> candidates = new ArrayList<>();
        for (Path entry : list(dir)) {
            if (Files.isDirectory(entry)) {
                throw new DataFormatException(entry, "is a sub-folder; a folder of unlabelled images holds image files only"
                        + " (one sub-folder per class is a labelled folder: read it with load())");
            }
            candidates.add(entry);
        }
        boolean[] image = new boolean[candidates.size()];
        DecodePool.forEach(candidates.size(), workers, i -> image[i] = ImageDecoder.isImage(candidates.get(i)));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (image[i]) {
                files.add(candidates.get(i));
            } else {
                invalid(candidates.get(i), "is not an image ImageIO can read (PNG, JPEG, BMP, GIF)");
            }
        }
        if (files.isEmpty()) {
            throw new DataFormatException(dir, "holds no images");
        }
        int[] size = height > 0 ? new int[] {height, width} : ImageDecoder.size(files.getFirst());
        ImageDecoder decoder = new ImageDecoder(channels, size[0], size[1], height > 0);
        return new ImageFolderDataset(dir, files, new int[files.size()], List.of(), decoder, workers);
    }

    private void invalid(Path file, String problem) {
        if (!skipInvalid) {
            throw new DataFormatException(file, problem + "; remove it or pass skipInvalid()");
        }
        LOG.log(Level.WARNING, "skipping {0}: {1}", file, problem);
    }

    /** The visible entries of {@code folder}, sorted by name. */
    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
