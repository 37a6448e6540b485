package dev.dendrite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Runs the commands in-process, as the launcher would, and checks exit codes, output and files. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DendriteCliTest {

    /** One command's outcome. */
    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code;
        try (var outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
                var errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Dendrite.run(outStream, errStream, args);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path dir;

    Path bundled = TabularData.bundled();
    Result training;
    Path runDir;
    Path model;

    @BeforeAll
    void trainTheDefaultExample(@TempDir Path tempDir) throws IOException {
        dir = tempDir;
        training = run("train", "--out", dir.resolve("runs").toString());
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            runDir = runs.findFirst().orElseThrow();
        }
        model = runDir.resolve("model.dendrite");
    }

    @Test
    void defaultTrainLearnsTheDiagnosisAndWritesTheRun() throws IOException {
        assertThat(training.exitCode()).as(training.err()).isZero();
        assertThat(training.err()).isEmpty();
        assertThat(training.out()).contains("569 rows, 30 features", "binary: benign, malignant", "Epoch 1/200",
                "early stopping after epoch", "its weights restored", "Test metrics", "roc_auc", "f1_score",
                "true \\ predicted", "malignant", "Run directory: " + runDir);
        assertThat(runDir.getFileName().toString()).matches("\\d{8}-\\d{6}-diagnosis");
        assertThat(runDir.resolve("model.dendrite")).isRegularFile();
        assertThat(runDir.resolve("run.json")).isRegularFile();
        for (String png : List.of("loss.png", "accuracy.png", "confusion.png", "roc.png")) {
            byte[] bytes = Files.readAllBytes(runDir.resolve(png));
            assertThat(bytes).as(png).startsWith(0x89, 'P', 'N', 'G');
        }
        assertThat(Files.readString(runDir.resolve("loss.svg"))).contains("<svg", "</svg>", "Loss per epoch", "best epoch");
        assertThat(Files.readString(runDir.resolve("accuracy.svg"))).contains("<svg", "Accuracy per epoch", "validation");
        assertThat(Files.readString(runDir.resolve("confusion.svg"))).contains("<svg", "Confusion matrix", "malignant");
        assertThat(Files.readString(runDir.resolve("roc.svg"))).contains("<svg", "ROC curve", "AUC");
        String report = Files.readString(runDir.resolve("report.html"));
        assertThat(report).contains("<h2>Model</h2>", "0 Linear", "(batch, 32)", "Total params: 1,537", "Per class:",
                "<th>benign</th>", "macro avg", "weighted avg");
        assertThat(report).contains("<h1>Dendrite run ", "roc_auc", "malignant", "href=\"loss.svg\"", "href=\"roc.svg\"",
                "Data and preprocessing", "z-score").doesNotContain("src=\"loss.png\"");
        assertThat(report.split("data:image/png;base64,", -1)).hasSize(5);
        List<String> history = Files.readAllLines(runDir.resolve("history.csv"));
        assertThat(history.getFirst()).startsWith("epoch,loss,accuracy,val_loss,val_accuracy");
        assertThat(history.size()).isGreaterThan(11);

        JsonNode metrics = Json.read(runDir.resolve("metrics.json"));
        assertThat(metrics.get("task").asText()).isEqualTo("binary");
        JsonNode test = metrics.get("test");
        assertThat(test.get("accuracy").asDouble()).isGreaterThanOrEqualTo(0.94);
        assertThat(test.get("roc_auc").asDouble()).isGreaterThan(0.95);
        assertThat(test.get("examples").asInt()).isEqualTo(114 - 1);
        assertThat(test.get("confusion_matrix").toString()).matches("\\[\\[\\d+,\\d+],\\[\\d+,\\d+]]");
    }

    @Test
    void evaluateUsesTheModelsScaler() {
        Result result = run("evaluate", "--model", model.toString(), "--data", bundled.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Metrics (569 examples)", "accuracy", "benign", "malignant");
        double accuracy = Double.parseDouble(result.out().lines().filter(l -> l.strip().startsWith("accuracy"))
                .findFirst().orElseThrow().strip().split("\\s+")[1]);
        assertThat(accuracy).isGreaterThan(0.95);
    }

    @Test
    void predictWritesClassesAndProbabilities() throws IOException {
        Path preds = dir.resolve("preds.csv");
        Result result = run("predict", "--model", runDir.toString(), "--data", bundled.toString(), "--out", preds.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Wrote 569 predictions to " + preds);
        List<String> lines = Files.readAllLines(preds);
        assertThat(lines).hasSize(570);
        assertThat(lines.getFirst()).isEqualTo("row,actual,predicted,p_benign,p_malignant");
        String[] first = lines.get(1).split(",");
        assertThat(first[1]).isEqualTo("malignant");
        assertThat(Double.parseDouble(first[3]) + Double.parseDouble(first[4])).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-5));
        long right = lines.stream().skip(1).map(l -> l.split(",")).filter(c -> c[1].equals(c[2])).count();
        assertThat(right / 569.0).isGreaterThan(0.95);
    }

    @Test
    void predictToStandardOutputWithoutATargetColumn() throws IOException {
        List<String> rows = Files.readAllLines(bundled);
        Path features = dir.resolve("features.csv");
        Files.write(features, rows.stream().limit(4).map(l -> l.substring(0, l.lastIndexOf(','))).toList());
        Result result = run("predict", "--model", model.toString(), "--data", features.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).hasSize(4).first().isEqualTo("row,predicted,p_benign,p_malignant");
    }

    @Test
    void exportWritesAnOnnxGraphOfTheNetwork() throws IOException {
        Path onnx = dir.resolve("diagnosis.onnx");
        Result result = run("export", "--model", model.toString(), "--onnx", onnx.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("input [batch, 30]", "standard scaler");
        var graph = ai.onnx.proto.OnnxMl.ModelProto.parseFrom(Files.readAllBytes(onnx)).getGraph();
        assertThat(graph.getNodeList()).extracting(node -> node.getOpType()).contains("Gemm", "Relu", "Reshape");
        assertThat(run("export", "--model", dir.resolve("missing.dendrite").toString(), "--onnx", onnx.toString())
                .exitCode()).isEqualTo(1);
    }

    @Test
    void aYamlConfigSuppliesOptionsAndTheCommandLineWins() throws IOException {
        Path config = dir.resolve("run.yaml");
        Files.writeString(config, "layers: [8]\nepochs: 5\npatience: 3\nactivation: tanh\nname: from-yaml\n");
        Result result = run("train", "--config", config.toString(), "--epochs", "2", "--out", dir.resolve("yaml-runs").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("30 -> 8 -> 1", "tanh activation", "Epoch 2/2").doesNotContain("Epoch 3/");
        try (Stream<Path> runs = Files.list(dir.resolve("yaml-runs"))) {
            assertThat(runs.findFirst().orElseThrow().getFileName().toString()).endsWith("-from-yaml");
        }
        Files.writeString(config, "layers: [8]\nbatchsize: 4\n");
        Result unknown = run("train", "--config", config.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("run.yaml").contains("'batchsize' is not an option of 'dendrite train'");
        Files.writeString(config, "epochs: 5\n  layers: [8]\n");
        Result malformed = run("train", "--config", config.toString());
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("run.yaml:2:9: cannot read the configuration: mapping values are not allowed");
    }

    @Test
    void inspectShowsTheSummaryTable() {
        Result result = run("inspect", model.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Layer (type)", "Output shape", "Param #", "0 Linear", "(batch, 32)", "992",
                "Dropout", "Total params: 1,537", "Classes: benign, malignant", "z-score (x - mean) / std per feature over 30 features", "Input: CSV rows of 30 feature columns: mean_radius",
                "Training (recorded in the model file)", "epochs_run", "optimizer      adam", "lr             0.001", "test_metrics   loss ",
                "best_epoch", "bce-with-logits");
    }

    @Test
    void aModelFileWithoutTheRecordsOfTrainStillWorks() {
        Path plain = dir.resolve("plain").resolve("model.dendrite");
        dev.dendrite.nn.Seeds.manualSeed(1);
        var network = new dev.dendrite.nn.Sequential(new dev.dendrite.nn.Linear(30, 1), new dev.dendrite.nn.Flatten(0));
        try {
            java.nio.file.Files.createDirectories(plain.getParent());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        dev.dendrite.io.Model.of(network).withClassNames(List.of("benign", "malignant")).save(plain);
        Result inspect = run("inspect", plain.toString());
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains("Input: CSV rows of 30 feature columns", "Scaling: none", "Training: not recorded");
        Result evaluate = run("evaluate", "--model", plain.toString(), "--data", bundled.toString());
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).contains("Metrics (569 examples)");
    }

    @Test
    void aMissingDataFileIsOneLineNamingIt() {
        Result result = run("train", "--data", dir.resolve("nope.csv").toString(), "--out", dir.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines().toList()).hasSize(1).first().asString()
                .contains("nope.csv", "no such file").doesNotContain("Exception");
    }

    @Test
    void aRaggedCsvNamesFileAndLine() throws IOException {
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "a,b,y\n1,2,0\n3,4,1\n5,6\n");
        Path runs = dir.resolve("ragged-runs");
        Result result = run("train", "--data", ragged.toString(), "--out", runs.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines().toList()).hasSize(1).first().asString().contains("ragged.csv:4");
        assertThat(runs).doesNotExist();
    }

    @Test
    void verbosePrintsTheStackTrace() {
        Result result = run("train", "--verbose", "--data", dir.resolve("nope.csv").toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("no such file", "\tat dev.dendrite.cli.");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Result result = run("train", "--bogus");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--bogus'", "Usage: dendrite train");
    }

    @Test
    void aBadOptionValueIsAUsageError() {
        Result result = run("train", "--optimizer", "lbfgs", "--out", dir.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown optimizer 'lbfgs'", "adam", "--help");
        assertThat(run("train", "--epochs", "many").exitCode()).isEqualTo(2);
        for (String[] bad : new String[][] {{"--epochs", "-3"}, {"--batch-size", "0"}, {"--patience", "-1"}}) {
            Result out = run("train", bad[0], bad[1], "--out", dir.toString());
            assertThat(out.exitCode()).as(bad[0]).isEqualTo(2);
            assertThat(out.err()).as(bad[0]).contains(bad[0] + " must be", "got " + bad[1]);
        }
    }

    @Test
    void noCommandPrintsTheUsage() {
        Result result = run();
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Usage: dendrite", "train", "evaluate", "predict", "inspect");
    }

    @Test
    void aMissingModelFileFails() {
        for (String command : List.of("evaluate", "predict")) {
            Result result = run(command, "--model", dir.resolve("missing.dendrite").toString(), "--data", bundled.toString());
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err().lines().toList()).hasSize(1).first().asString().contains("missing.dendrite");
        }
        assertThat(run("inspect", dir.resolve("missing.dendrite").toString()).exitCode()).isEqualTo(1);
    }

    @Test
    void aCorruptModelFileFails() throws IOException {
        Path corrupt = dir.resolve("corrupt.dendrite");
        Files.write(corrupt, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        Result result = run("inspect", corrupt.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines().toList()).hasSize(1).first().asString().contains("corrupt.dendrite");
    }

    @Test
    void aModelThatDoesNotFitTheColumnsNamesBothWidths() throws IOException {
        Path narrow = dir.resolve("narrow.csv");
        Files.write(narrow, Files.readAllLines(bundled).stream().map(l -> l.substring(l.indexOf(',') + 1)).toList());
        Result evaluate = run("evaluate", "--model", model.toString(), "--data", narrow.toString());
        assertThat(evaluate.exitCode()).isEqualTo(1);
        assertThat(evaluate.err()).contains("expects 30 features", "has 29 feature columns", "narrow.csv");
        Result predict = run("predict", "--model", model.toString(), "--data", narrow.toString(), "--target", "diagnosis");
        assertThat(predict.exitCode()).isEqualTo(1);
        assertThat(predict.err()).contains("expects 30 features", "has 29 feature columns");
    }

    @Test
    void aFileThatIsNotUtf8IsNamedAtItsFirstBadByte() throws IOException {
        // The bundled data with one benign row's label in Latin-1: 'b\u00e9nin' (0xE9 a byte of its own).
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(bundled));
        int row = 1;
        while (!lines.get(row).endsWith(",benign")) {
            row++;
        }
        String edited = lines.get(row).replace(",benign", ",b\u00e9nin");
        lines.set(row, edited);
        Path latin = dir.resolve("latin1.csv");
        Files.write(latin, lines, java.nio.charset.StandardCharsets.ISO_8859_1);
        String where = "latin1.csv:" + (row + 1) + ":" + (edited.indexOf('\u00e9') + 1) + ": not UTF-8 text: byte 0xE9";
        for (String command : List.of("evaluate", "predict")) {
            Result result = run(command, "--model", model.toString(), "--data", latin.toString());
            assertThat(result.exitCode()).as(command).isEqualTo(1);
            assertThat(result.err()).as(command).contains(where, "--encoding", "convert it to UTF-8");
        }
        // Read in its encoding, the label is the model's class with an accent, and unknown to it.
        Result predict = run("predict", "--model", model.toString(), "--data", latin.toString(), "--encoding", "ISO-8859-1");
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(predict.out()).contains(",b\u00e9nin,");
        Result evaluate = run("evaluate", "--model", model.toString(), "--data", latin.toString(), "--encoding", "latin1");
        assertThat(evaluate.exitCode()).isEqualTo(1);
        assertThat(evaluate.err()).contains("holds the class 'b\u00e9nin', which the model does not know");
        Result train = run("train", "--data", latin.toString(), "--encoding", "ISO-8859-1", "--epochs", "1",
                "--out", dir.resolve("latin-runs").toString());
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("multiclass: benign, b\u00e9nin, malignant");
        Path idx = dir.resolve("encoding-idx");
        TestData.writeIdx(idx, "train", 6, 1);
        TestData.writeIdx(idx, "t10k", 3, 2);
        Result notCsv = run("train", "--data", idx.toString(), "--encoding", "ISO-8859-1");
        assertThat(notCsv.exitCode()).isEqualTo(2);
        assertThat(notCsv.err()).contains("--encoding applies to CSV files");
    }

    @Test
    void anOutThatIsAFileIsRefusedBeforeTraining() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        Result result = run("train", "--out", file.toString(), "--epochs", "1");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("--out " + file + ": is a file, not a directory");
        assertThat(result.out()).doesNotContain("Epoch");
    }

    @Test
    void theTaskIsInferredFromTheTarget() throws IOException {
        Path regression = dir.resolve("regression.csv");
        Path classes = dir.resolve("classes.csv");
        StringBuilder r = new StringBuilder("x1,x2,y\n");
        StringBuilder c = new StringBuilder("x1,x2,label\n");
        var random = new java.util.Random(1);
        for (int i = 0; i < 120; i++) {
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            r.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f%n", x1, x2, 2 * x1 - x2 + 0.1 * random.nextGaussian()));
            c.append(String.format(Locale.ROOT, "%.4f,%.4f,%d%n", x1, x2, x1 > 0.5 ? 2 : x1 > -0.5 ? 1 : 0));
        }
        Files.writeString(regression, r);
        Files.writeString(classes, c);
        Result reg = run("train", "--data", regression.toString(), "--epochs", "3", "--out", dir.resolve("r").toString());
        assertThat(reg.exitCode()).as(reg.err()).isZero();
        assertThat(reg.out()).contains("target the last column (regression)", "r2_score").doesNotContain("Confusion");
        Result multi = run("train", "--data", classes.toString(), "--epochs", "3", "--layers", "8",
                "--optimizer", "sgd", "--out", dir.resolve("c").toString());
        assertThat(multi.exitCode()).as(multi.err()).isZero();
        assertThat(multi.out()).contains("(multiclass: 0, 1, 2)", "f1_score_macro", "Confusion matrix");
    }

    @Test
    void theClassesOptionNamesTheLabelsOfIdxFiles() throws IOException {
        Path idx = dir.resolve("shades-idx");
        TestData.writeIdx(idx, "train", 60, 1);
        TestData.writeIdx(idx, "t10k", 20, 2);
        Result named = run("train", "--data", idx.toString(), "--classes", "dark, mid ,light", "--epochs", "2",
                "--layers", "8", "--out", dir.resolve("named").toString());
        assertThat(named.exitCode()).as(named.err()).isZero();
        assertThat(named.out()).contains("(multiclass: dark, mid, light)");
        Result fashion = run("train", "--data", idx.toString(), "--classes", "fashion-mnist", "--epochs", "1",
                "--layers", "8", "--out", dir.resolve("named").toString());
        assertThat(fashion.exitCode()).as(fashion.err()).isZero();
        assertThat(fashion.out()).contains("multiclass: T-shirt/top, Trouser, Pullover,");

        Result tooFew = run("train", "--data", idx.toString(), "--classes", "dark,mid", "--out", dir.toString());
        assertThat(tooFew.exitCode()).isEqualTo(1);
        assertThat(tooFew.err()).contains("train-labels-idx1-ubyte", "label 2", "only 2 classes");
        for (String bad : List.of("dark", "dark,,light", "dark,mid,dark")) {
            Result result = run("train", "--data", idx.toString(), "--classes", bad, "--out", dir.toString());
            assertThat(result.exitCode()).as(bad).isEqualTo(2);
            assertThat(result.err()).as(bad).contains("--classes", bad);
        }
        Result csv = run("train", "--data", bundled.toString(), "--classes", "a,b", "--out", dir.toString());
        assertThat(csv.exitCode()).isEqualTo(2);
        assertThat(csv.err()).contains("--classes applies to IDX directories", "target column");
    }

    @Test
    void trainsOnADirectoryOfIdxFiles() throws IOException {
        Path idx = dir.resolve("digits");
        Files.createDirectories(idx);
        TestData.writeIdx(idx, "train", 60, 1);
        TestData.writeIdx(idx, "t10k", 20, 2);
        Result result = run("train", "--data", idx.toString(), "--epochs", "2", "--layers", "8", "--out", dir.resolve("i").toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("IDX images, 60 training and 20 test examples, 16 features", "multiclass: 0, 1, 2",
                "Test metrics (20 examples)");
    }
}
