package dev.dendrite.cli;

import dev.dendrite.data.Dataset;
import dev.dendrite.data.Split;
import dev.dendrite.data.StandardScaler;
import dev.dendrite.io.Model;
import dev.dendrite.kernel.Parallel;
import dev.dendrite.loss.Loss;
import dev.dendrite.nn.Seeds;
import dev.dendrite.nn.Sequential;
import dev.dendrite.optim.Optimizer;
import dev.dendrite.train.History;
import dev.dendrite.train.Trainer;
import dev.dendrite.train.callback.CsvLogger;
import dev.dendrite.train.callback.EarlyStopping;
import dev.dendrite.train.callback.LearningRateScheduler;
import dev.dendrite.train.callback.ProgressBar;
import dev.dendrite.train.metric.Accuracy;
import dev.dendrite.train.metric.MeanAbsoluteError;
import dev.dendrite.train.metric.Metric;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dendrite train}: trains an MLP on a CSV table, a directory of IDX files or an image folder, by default
 * the bundled breast-cancer diagnosis, and saves the run.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a multi-layer perceptron on a CSV table, a directory of IDX files or an image folder (one "
                + "sub-directory of images per class) and save the run: model, history, test metrics, charts, report.",
                "Without options: tells malignant from benign tumours in the bundled breast-cancer data."})
final class TrainCommand implements Callable<Integer> {

    @ParentCommand
    Dendrite app;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML file of these options, keys without the dashes (e.g. 'layers: [64, 32]', 'batch-size: 32'); options on the command line win.")
    Path config;

    @Option(names = "--data", paramLabel = "PATH",
            description = "CSV file with a header row, a directory of MNIST-style IDX files, or an image folder with one "
                    + "sub-directory of PNG/JPEG images per class (default: the bundled examples/data/breast_cancer.csv).")
    Path data;

    @Option(names = "--target", paramLabel = "NAME", description = "Target column of a CSV file (default: the last column).")
    String target;

    @Mixin
    Encoding encoding = new Encoding();

    @Option(names = "--classes", paramLabel = "NAMES",
            description = "IDX directories: what labels 0, 1, ... are called: fashion-mnist, mnist, or names separated by "
                    + "commas (default: fashion-mnist when the path contains 'fashion', else mnist).")
    String classes;

    @Option(names = "--image-size", paramLabel = "WxH",
            description = "Image folders: resize every image to W x H pixels, e.g. 28x28 (default: the size of the first image).")
    String imageSize;

    @Option(names = "--grayscale", description = "Image folders: read one channel of luma instead of red, green and blue.")
    boolean grayscale;

    @Option(names = "--task", paramLabel = "TASK", defaultValue = "auto",
            description = "auto, binary, multiclass or regression (default: ${DEFAULT-VALUE}: text or a few integer values are classes).")
    Task task;

    @Option(names = "--layers", paramLabel = "W,W", split = ",", description = "Hidden layer widths (default: 32,16).")
    List<Integer> layers = List.of(32, 16);

    @Option(names = "--activation", defaultValue = "relu", description = "relu, leaky-relu, elu, gelu, silu, tanh, sigmoid, softplus (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--dropout", defaultValue = "0.2", description = "Dropout after each hidden layer (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--loss", description = "bce-with-logits (binary), cross-entropy (multiclass), mse, l1, huber, smooth-l1 (regression); default by task.")
    String loss;

    @Option(names = "--optimizer", defaultValue = "adam", description = "adam, adamw, sgd, rmsprop, adagrad, adadelta, adamax, nadam (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", description = "Learning rate (default: the optimizer's, 0.001 for Adam, 0.01 for SGD).")
    Double lr;

    @Option(names = "--schedule", defaultValue = "none", paramLabel = "SPEC", description = "Learning-rate schedule: "
            + Schedules.HELP)
    String schedule;

    @Option(names = "--batch-size", defaultValue = "16", description = "Examples per mini-batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--epochs", defaultValue = "200", description = "Most epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--patience", defaultValue = "10",
            description = "Stop after this many epochs without a lower validation loss; the best weights are kept (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--validation", defaultValue = "0.15", description = "Fraction held out for validation (default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--test", defaultValue = "0.2", description = "Fraction held out for the test (default: ${DEFAULT-VALUE}).")
    double test;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the weights, split, shuffling and dropout (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Worker threads of the kernels (default: one per core).")
    Integer threads;

    @Option(names = "--name", description = "Name of the run (default: the data file's name).")
    String name;

    @Option(names = "--out", defaultValue = "runs", paramLabel = "DIR", description = "Where run directories go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        PrintStream console = app.out;
        checkOptions();
        if (threads != null) {
            Parallel.setThreads(threads);
        }
        boolean bundled = data == null;
        Path file = bundled ? TabularData.bundled() : data;
        TrainingData loaded = TrainingData.load(new TrainingData.Request(file, bundled, target, task, validation, test, seed,
                imageSize == null ? null : ImageSize.parse(imageSize), grayscale, classes, encoding), console);
        Split split = loaded.split();
        Task kind = loaded.task();
        List<String> classNames = loaded.classNames();
        int features = loaded.input().inputs();
        if (split.train().size() == 0 || split.validation().size() == 0 || split.test().size() == 0) {
            throw new CliException(file + ": too few examples to split (" + split.train().size() + " train, "
                    + split.validation().size() + " validation, " + split.test().size()
                    + " test); every part needs at least one, see --validation and --test");
        }
        StandardScaler scaler = StandardScaler.fit(split.train());
        Dataset train = scaler.transform(split.train());
        Dataset val = scaler.transform(split.validation());
        Dataset testData = scaler.transform(split.test());
        console.printf(Locale.ROOT, "Split%s, seed %d: %d train, %d validation, %d test; z-scored with the training mean and std%n",
                kind == Task.REGRESSION ? "" : " stratified by class", seed, train.size(), val.size(), testData.size());

        Seeds.manualSeed(seed);
        int outputs = kind == Task.MULTICLASS ? classNames.size() : 1;
        Sequential network = Networks.mlp(features, layers, activation, dropout, outputs);
        String lossName = loss != null ? loss.toLowerCase(Locale.ROOT) : Networks.defaultLoss(kind);
        Loss lossFn = Networks.loss(lossName, kind);
        Optimizer opt = Networks.optimizer(optimizer, network.parameters(), lr);
        double initialLr = opt.learningRate();
        LearningRateScheduler scheduler = Schedules.parse(schedule, opt, epochs, (train.size() + batchSize - 1) / batchSize);
        console.printf(Locale.ROOT, "Model: %s, %s activation, dropout %s, %,d parameters; loss %s, optimizer %s%s, batch %d%n",
                shape(features, outputs), activation, dropout, network.parameterCount(), lossName, optimizer,
                (lr == null ? "" : " (lr " + lr + ")") + (scheduler == null ? "" : ", schedule " + schedule), batchSize);

        Path runDir = createRunDirectory(bundled ? "diagnosis" : stem(file.toAbsolutePath().normalize()));
        EarlyStopping early = new EarlyStopping("val_loss", patience).restoreBest();
        boolean terminal = console == System.out && ProgressBar.isTerminal();
        Metric trainMetric = kind == Task.REGRESSION ? new MeanAbsoluteError() : new Accuracy(true);
        try (GracefulStop stop = new GracefulStop(console)) {
            Trainer trainer = Trainer.of(network).loss(lossFn).optimizer(opt).metrics(trainMetric)
                    .batchSize(batchSize).epochs(epochs).seed(seed)
                    .callbacks(early, new ProgressBar(console, terminal), new CsvLogger(runDir.resolve("history.csv")), stop);
            if (scheduler != null) {
                trainer.callbacks(scheduler);
            }
            History history = trainer.fit(train, val);

            int best = early.bestEpoch();
            if (early.stoppedEpoch() >= 0) {
                console.printf(Locale.ROOT, "Early stopping: stopped after epoch %d; best epoch %d (val_loss %.4f), its weights restored%n",
                        early.stoppedEpoch() + 1, best + 1, early.best());
            } else if (!history.stopReason().isEmpty()) {
                console.printf(Locale.ROOT, "Stopped after epoch %d: %s; best epoch %d (val_loss %.4f), its weights restored%n",
                        history.epochs(), history.stopReason(), best + 1, early.best());
            } else {
                console.printf(Locale.ROOT, "Ran all %d epochs; best epoch %d (val_loss %.4f), its weights restored%n",
                        history.epochs(), best + 1, early.best());
            }

            Evaluation evaluation = Evaluation.of(network, testData, kind, lossFn, classNames);
            evaluation.print(console, "Test metrics");

            Map<String, Object> info = runInfo(loaded, lossName, initialLr, history, early,
                    train.size(), val.size(), testData.size());
            Map<String, Object> record = new LinkedHashMap<>(info);
            record.remove("features");
            record.put("test_metrics", evaluation.metrics());
            Model model = Model.of(network).withClassNames(classNames).withScaler(scaler)
                    .withMetadata(InputFormat.KEY, loaded.input().toJson())
                    .withMetadata(TrainingRecord.KEY, Json.text(record));
            model.save(runDir.resolve("model.dendrite"));
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("task", kind.label());
            metrics.put("test", evaluation.toJson());
            Json.write(runDir.resolve("metrics.json"), metrics);
            Json.write(runDir.resolve("run.json"), info);
            byte[] samples = loaded.input().isImages() ? SampleGrid.ofTestSet(network, split.test(), testData, kind,
                    loaded.input(), classNames, 32) : null;
            RunReport.write(runDir, loaded, ModelSummary.of(network, features), history, best + 1, evaluation, info, samples);
            console.println("Run directory: " + runDir);
        }
        return 0;
    }

    private void checkOptions() {
        if (!(validation > 0 && test > 0 && validation + test < 1)) {
            throw new UsageException("--validation and --test must be positive fractions summing to less than 1, got "
                    + validation + " and " + test);
        }
        if (batchSize <= 0) {
            throw new UsageException("--batch-size must be positive, got " + batchSize);
        }
        if (epochs <= 0) {
            throw new UsageException("--epochs must be positive, got " + epochs);
        }
        if (patience < 0) {
            throw new UsageException("--patience must be 0 or more, got " + patience);
        }
        if (threads != null && threads <= 0) {
            throw new UsageException("--threads must be positive, got " + threads);
        }
    }

    private Map<String, Object> runInfo(TrainingData loaded, String lossName, double learningRate, History history,
            EarlyStopping early, int trainRows, int valRows, int testRows) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("created", LocalDateTime.now().withNano(0).toString());
        info.put("data", loaded.file().toString());
        info.put("data_kind", loaded.kind().description());
        if (loaded.input().isImages()) {
            info.put("input", loaded.input().describe());
        } else {
            info.put("target", target != null ? target : data == null ? "diagnosis" : "(last column)");
        }
        info.put("task", loaded.task().label());
        info.put("features", loaded.input().columns());
        info.put("layers", layers);
        info.put("activation", activation);
        info.put("dropout", dropout);
        info.put("loss", lossName);
        info.put("optimizer", optimizer);
        info.put("lr", learningRate);
        info.put("schedule", schedule);
        info.put("batch_size", batchSize);
        info.put("max_epochs", epochs);
        info.put("patience", patience);
        info.put("seed", seed);
        Map<String, Integer> parts = new LinkedHashMap<>();
        parts.put("train", trainRows);
        parts.put("validation", valRows);
        parts.put("test", testRows);
        info.put("split", parts);
        info.put("epochs_run", history.epochs());
        info.put("best_epoch", early.bestEpoch() + 1);
        info.put("best_val_loss", early.best());
        info.put("stop_reason", history.stopReason());
        return info;
    }

    private String shape(int inputs, int outputs) {
        StringBuilder text = new StringBuilder().append(inputs);
        layers.forEach(w -> text.append(" -> ").append(w));
        return text.append(" -> ").append(outputs).toString();
    }

    private Path createRunDirectory(String defaultName) {
        String runName = (name != null ? name : defaultName).replaceAll("[^A-Za-z0-9._-]", "_");
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new CliException("--out " + out + ": is a file, not a directory for run directories");
        }
        try {
            Files.createDirectories(out);
            Path dir = out.resolve(stamp + "-" + runName);
            for (int i = 2; ; i++) {
                try {
                    return Files.createDirectory(dir);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    dir = out.resolve(stamp + "-" + runName + "-" + i);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run directory under " + out + ": " + e.getMessage(), e);
        }
    }

    private static String stem(Path file) {
        String fileName = file.getFileName() == null ? "data" : file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
