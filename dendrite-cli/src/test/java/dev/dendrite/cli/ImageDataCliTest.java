package dev.dendrite.cli;

import static dev.dendrite.cli.DendriteCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.cli.DendriteCliTest.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** train, evaluate, predict and inspect on image folders and IDX directories, and their errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageDataCliTest {

    Path dir;
    Path folder;
    Path model;
    Path runDir;
    Result training;
    Path idx;
    Path idxModel;

    @BeforeAll
    void trainOnAnImageFolderAndOnIdxFiles(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        folder = TestData.imageFolder(dir.resolve("shades"), 20, 8, 6, 1);
        training = run("train", "--data", folder.toString(), "--image-size", "8x6", "--grayscale", "--layers", "8",
                "--epochs", "40", "--patience", "40", "--batch-size", "8", "--lr", "0.01", "--out", dir.resolve("runs").toString());
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            runDir = runs.findFirst().orElseThrow();
        }
        model = runDir.resolve("model.dendrite");
        idx = dir.resolve("idx");
        TestData.writeIdx(idx, "train", 60, 1);
        TestData.writeIdx(idx, "t10k", 21, 2);
        Result idxTraining = run("train", "--data", idx.toString(), "--epochs", "20", "--layers", "8", "--lr", "0.01",
                "--name", "idx", "--out", dir.resolve("idx-runs").toString());
        assertThat(idxTraining.exitCode()).as(idxTraining.err()).isZero();
        try (Stream<Path> runs = Files.list(dir.resolve("idx-runs"))) {
            idxModel = runs.findFirst().orElseThrow().resolve("model.dendrite");
        }
    }

    @Test
    void trainsOnAnImageFolderAndWritesTheRun() throws IOException {
        assertThat(training.exitCode()).as(training.err()).isZero();
        assertThat(training.out()).contains("image folder, 60 images, resized to 8x6 grayscale (48 features), multiclass: dark, light, mid",
                "8 -> 3", "Test metrics");
        assertThat(runDir.getFileName().toString()).endsWith("-shades");
        for (String chart : List.of("loss", "accuracy", "confusion")) {
            assertThat(runDir.resolve(chart + ".png")).isRegularFile();
            assertThat(runDir.resolve(chart + ".svg")).isRegularFile();
        }
        assertThat(Files.readString(runDir.resolve("report.html"))).contains("8x6 grayscale images (48 inputs)", "luma",
                "Test images as the model reads them", "section:landscape");
        var samples = ImageIO.read(runDir.resolve("samples.png").toFile());
        assertThat(samples.getWidth()).isEqualTo(SampleGrid.COLUMNS * SampleGrid.TILE);
        assertThat(samples.getHeight()).as("12 test images: two rows").isEqualTo(2 * (SampleGrid.TILE + 30));
        assertThat(Json.read(runDir.resolve("metrics.json")).get("test").get("accuracy").asDouble()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void defaultImageSizeIsTheFirstImagesAndColourIsRgb() {
        Result result = run("train", "--data", folder.toString(), "--epochs", "1", "--layers", "4", "--out", dir.resolve("d").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("resized to 8x6 RGB (144 features)", "144 -> 4 -> 3");
    }

    @Test
    void twoClassesMakeABinaryTask() throws IOException {
        Path two = dir.resolve("two");
        TestData.imageFolder(two, 6, 4, 4, 3);
        deleteTree(two.resolve("mid"));
        Result result = run("train", "--data", two.toString(), "--epochs", "2", "--layers", "4", "--out", dir.resolve("b").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("binary: dark, light", "roc_auc");
    }

    @Test
    void evaluateResizesNewImagesAsTheModelFileSays() throws IOException {
        Path large = TestData.imageFolder(dir.resolve("large"), 6, 32, 24, 7);
        Result result = run("evaluate", "--model", runDir.toString(), "--data", large.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Metrics (18 examples)", "Confusion matrix");
        assertThat(accuracy(result.out())).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void evaluateMapsTheFoldersClassesToTheModels() throws IOException {
        Path some = TestData.imageFolder(dir.resolve("some"), 4, 8, 6, 8);
        deleteTree(some.resolve("dark"));
        Result result = run("evaluate", "--model", model.toString(), "--data", some.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(accuracy(result.out())).isGreaterThanOrEqualTo(0.85);
        Files.createDirectories(some.resolve("purple"));
        Files.copy(some.resolve("mid").resolve("mid-000.png"), some.resolve("purple").resolve("p.png"));
        Result unknown = run("evaluate", "--model", model.toString(), "--data", some.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("'purple'", "dark, light, mid");
    }

    @Test
    void predictWritesOneRowPerFileOfALabelledFolder() throws IOException {
        Path out = dir.resolve("preds.csv");
        Result result = run("predict", "--model", model.toString(), "--data", folder.toString(), "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(61);
        assertThat(lines.getFirst()).isEqualTo("file,actual,predicted,p_dark,p_light,p_mid");
        assertThat(lines.get(1)).startsWith("dark/dark-000.png,dark,");
        long right = lines.stream().skip(1).map(l -> l.split(",")).filter(c -> c[1].equals(c[2])).count();
        assertThat(right).isGreaterThanOrEqualTo(54);
        String[] cells = lines.get(1).split(",");
        assertThat(Double.parseDouble(cells[3]) + Double.parseDouble(cells[4]) + Double.parseDouble(cells[5]))
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void predictAppliesExactlyTheTrainingPreprocessing() throws IOException {
        Path out = dir.resolve("exact.csv");
        assertThat(run("predict", "--model", model.toString(), "--data", folder.toString(), "--out", out.toString()).exitCode())
                .isZero();
        String[] row = Files.readAllLines(out).get(1).split(",");
        var loaded = dev.dendrite.io.Model.load(model);
        var images = dev.dendrite.data.ImageFolder.read(folder).size(6, 8).grayscale().load();
        assertThat(images.file(0).getFileName().toString()).isEqualTo("dark-000.png");
        float[] pixels = new float[48];
        images.features(0, pixels, 0);
        var x = loaded.scaler().orElseThrow().transform(dev.dendrite.tensor.Tensor.wrap(pixels, 1, 48));
        float[] p = loaded.module().forward(x).softmax(1).toArray();
        for (int c = 0; c < 3; c++) {
            assertThat(Double.parseDouble(row[3 + c])).as("p of class " + c).isCloseTo(p[c], within(1e-6));
        }
    }

    @Test
    void predictReadsAFlatFolderOfImages() throws IOException {
        Path flat = Files.createDirectories(dir.resolve("flat"));
        var random = new Random(5);
        ImageIO.write(TestData.image(8, 6, 20, random), "png", flat.resolve("night.png").toFile());
        ImageIO.write(TestData.image(16, 12, 200, random), "jpg", flat.resolve("day, bright.jpg").toFile());
        Result result = run("predict", "--model", model.toString(), "--data", flat.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.getFirst()).isEqualTo("file,predicted,p_dark,p_light,p_mid");
        assertThat(lines.get(1)).startsWith("\"day, bright.jpg\",light,");
        assertThat(lines.get(2)).startsWith("night.png,dark,");
    }

    @Test
    void inspectShowsTheImageInputAndTheTraining() {
        Result result = run("inspect", model.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Input: 8x6 grayscale images (48 inputs)", "resized (bilinear) to 8x6",
                "Scaling: z-score", "Training (recorded in the model file)", "data_kind      an image folder",
                "epochs_run     40", "batch_size     8", "lr             0.01", "seed           42", "test_metrics   loss");
    }

    @Test
    void evaluateAndPredictOnIdxFilesUseTheTestImages() throws IOException {
        Result evaluate = run("evaluate", "--model", idxModel.toString(), "--data", idx.toString());
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).contains("Metrics (21 examples)");
        assertThat(accuracy(evaluate.out())).isGreaterThanOrEqualTo(0.9);
        Result predict = run("predict", "--model", idxModel.toString(), "--data", idx.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(predict.out().lines().toList()).hasSize(22).first().isEqualTo("row,actual,predicted,p_0,p_1,p_2,p_3,p_4,p_5,p_6,p_7,p_8,p_9");
        assertThat(predict.out().lines().skip(1).findFirst().orElseThrow()).startsWith("1,0,");

        Path testOnly = copyOfTheTestFiles("idx-test-only");
        Result withoutTrainingFiles = run("evaluate", "--model", idxModel.toString(), "--data", testOnly.toString());
        assertThat(withoutTrainingFiles.exitCode()).as(withoutTrainingFiles.err()).isZero();
        assertThat(withoutTrainingFiles.out()).contains("Metrics (21 examples)");
        // The digits model on the same files in a folder whose name would make training call them Fashion-MNIST's
        // classes: evaluation reads the labels as the model's class indices, so the path does not matter.
        Path fashionNamed = copyOfTheTestFiles("fashion-copy");
        Result underAnotherName = run("evaluate", "--model", idxModel.toString(), "--data", fashionNamed.toString());
        assertThat(underAnotherName.exitCode()).as(underAnotherName.err()).isZero();
        assertThat(underAnotherName.out()).contains("Metrics (21 examples)");
        assertThat(accuracy(underAnotherName.out())).isEqualTo(accuracy(evaluate.out()));
        Files.delete(testOnly.resolve("t10k-labels-idx1-ubyte"));
        Result withoutLabels = run("evaluate", "--model", idxModel.toString(), "--data", testOnly.toString());
        assertThat(withoutLabels.exitCode()).isEqualTo(1);
        assertThat(withoutLabels.err()).contains("idx-test-only", "t10k-labels-idx1-ubyte");
    }

    /** A new directory {@code name} holding copies of the IDX directory's two test files only. */
    private Path copyOfTheTestFiles(String name) throws IOException {
        Path copy = Files.createDirectories(dir.resolve(name));
        for (String file : List.of("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")) {
            Files.copy(idx.resolve(file), copy.resolve(file));
        }
        return copy;
    }

    @Test
    void aModelThatDoesNotFitTheImagesNamesBothShapes() throws IOException {
        Path big = dir.resolve("idx5");
        TestData.writeIdx(big, "train", 6, 5, 1);
        TestData.writeIdx(big, "t10k", 6, 5, 2);
        for (String command : List.of("evaluate", "predict")) {
            Result result = run(command, "--model", idxModel.toString(), "--data", big.toString());
            assertThat(result.exitCode()).as(command).isEqualTo(1);
            assertThat(result.err().lines().toList()).as(command).hasSize(1).first().asString()
                    .contains("expects 4x4 grayscale images (16 inputs)", "holds 5x5 grayscale images (25 inputs)", "idx5");
        }
        Result imagesOnIdx = run("evaluate", "--model", model.toString(), "--data", big.toString());
        assertThat(imagesOnIdx.err()).contains("expects 8x6 grayscale images (48 inputs)", "holds 5x5 grayscale images");
    }

    @Test
    void aTableModelOnImagesAndAnImageModelOnATableAreNamed() throws IOException {
        Path csv = dir.resolve("table.csv");
        Files.writeString(csv, "a,b,y\n1,2,0\n3,4,1\n");
        Result imageModelOnCsv = run("evaluate", "--model", model.toString(), "--data", csv.toString());
        assertThat(imageModelOnCsv.exitCode()).isEqualTo(1);
        assertThat(imageModelOnCsv.err()).contains("reads 8x6 grayscale images (48 inputs)", "table.csv", "is a CSV file");
        Result imageModelPredictCsv = run("predict", "--model", model.toString(), "--data", csv.toString());
        assertThat(imageModelPredictCsv.err()).contains("reads 8x6 grayscale images");
        Path tableRuns = dir.resolve("table-runs");
        Files.writeString(csv, "a,b,y\n" + "1,2,0\n3,4,1\n".repeat(20));
        Result tableTraining = run("train", "--data", csv.toString(), "--epochs", "1", "--out", tableRuns.toString());
        assertThat(tableTraining.exitCode()).as(tableTraining.err()).isZero();
        Path tableModel;
        try (Stream<Path> runs = Files.list(tableRuns)) {
            tableModel = runs.findFirst().orElseThrow();
        }
        Result tableOnImages = run("evaluate", "--model", tableModel.toString(), "--data", folder.toString());
        assertThat(tableOnImages.exitCode()).isEqualTo(1);
        assertThat(tableOnImages.err().lines().toList()).hasSize(1).first().asString()
                .contains("reads CSV rows of 2 feature columns", "shades", "is an image folder");
    }

    @Test
    void badImageDataIsOneLineNamingThePath() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertFails(empty, "empty", "is an empty directory", "image folder");

        Path garbage = TestData.imageFolder(dir.resolve("garbage"), 3, 4, 4, 9);
        Files.write(garbage.resolve("dark").resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        assertFails(garbage, "broken.png", "corrupt or unreadable image");

        Path stray = TestData.imageFolder(dir.resolve("stray"), 3, 4, 4, 9);
        Files.writeString(stray.resolve("mid").resolve("notes.txt"), "not an image");
        assertFails(stray, "notes.txt", "not an image", "remove it");

        Path notImages = Files.createDirectories(dir.resolve("texts"));
        Files.writeString(notImages.resolve("a.txt"), "hello");
        assertFails(notImages, "texts", "neither IDX files nor images");

        Path flat = Files.createDirectories(dir.resolve("flat-train"));
        ImageIO.write(TestData.image(4, 4, 20, new Random(1)), "png", flat.resolve("x.png").toFile());
        assertFails(flat, "flat-train", "no class sub-directories");
        assertFails(flat.resolve("x.png"), "x.png", "is an image file");

        Path emptyClass = TestData.imageFolder(dir.resolve("empty-class"), 3, 4, 4, 9);
        Files.createDirectories(emptyClass.resolve("zebra"));
        assertFails(emptyClass, "zebra", "holds no images");

        assertFails(dir.resolve("nowhere"), "nowhere", "no such file or directory");

        Path oneClass = Files.createDirectories(dir.resolve("one-class").resolve("only"));
        ImageIO.write(TestData.image(4, 4, 20, new Random(1)), "png", oneClass.resolve("x.png").toFile());
        assertFails(oneClass.getParent(), "one-class", "has 1 class", "at least 2");
    }

    @Test
    void anInputRecordThatContradictsTheNetworkIsNamed() {
        Path odd = dir.resolve("odd.dendrite");
        dev.dendrite.io.Model.load(model).withMetadata(InputFormat.KEY, InputFormat.images(3, 6, 8).toJson()).save(odd);
        Result result = run("inspect", odd.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("odd.dendrite", "8x6 RGB images (144 inputs)", "takes 48 inputs");
    }

    @Test
    void aLargeFirstImageAsksForAnImageSize() throws IOException {
        Path large = Files.createDirectories(dir.resolve("large-photos").resolve("a"));
        ImageIO.write(new java.awt.image.BufferedImage(600, 520, java.awt.image.BufferedImage.TYPE_INT_RGB), "png",
                large.resolve("big.png").toFile());
        Files.createDirectories(large.resolveSibling("b"));
        Files.copy(large.resolve("big.png"), large.resolveSibling("b").resolve("big.png"));
        Result result = run("train", "--data", large.getParent().toString(), "--out", dir.resolve("never").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("large-photos", "600x520", "--image-size");
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void imageOptionsAreCheckedAsUsageErrors() throws IOException {
        Path csv = dir.resolve("opts.csv");
        Files.writeString(csv, "a,b,y\n1,2,0\n3,4,1\n");
        for (String size : List.of("0x4", "axb", "4x4x4", "-3")) {
            Result result = run("train", "--data", folder.toString(), "--image-size", size, "--out", dir.resolve("u").toString());
            assertThat(result.exitCode()).as(size).isEqualTo(2);
            assertThat(result.err()).as(size).contains("--image-size must be WIDTHxHEIGHT");
        }
        Result grayOnCsv = run("train", "--data", csv.toString(), "--grayscale", "--out", dir.resolve("u").toString());
        assertThat(grayOnCsv.exitCode()).isEqualTo(2);
        assertThat(grayOnCsv.err()).contains("--image-size and --grayscale apply to image folders", "opts.csv");
        Result targetOnImages = run("train", "--data", folder.toString(), "--target", "y", "--out", dir.resolve("u").toString());
        assertThat(targetOnImages.exitCode()).isEqualTo(2);
        assertThat(targetOnImages.err()).contains("--target applies to CSV files");
        Result regressionOnImages = run("train", "--data", folder.toString(), "--task", "regression", "--out", dir.resolve("u").toString());
        assertThat(regressionOnImages.exitCode()).isEqualTo(2);
        assertThat(dir.resolve("u")).doesNotExist();
    }

    private void assertFails(Path data, String... messages) {
        Result result = run("train", "--data", data.toString(), "--epochs", "1", "--out", dir.resolve("failed-runs").toString());
        assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
        assertThat(result.err().lines().toList()).as(data.toString()).hasSize(1).first().asString().contains(messages)
                .doesNotContain("\tat ");
    }

    static double accuracy(String out) {
        return Double.parseDouble(out.lines().filter(l -> l.strip().startsWith("accuracy")).findFirst().orElseThrow()
                .strip().split("\\s+")[1]);
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
