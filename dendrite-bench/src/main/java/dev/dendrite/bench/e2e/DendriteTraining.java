package dev.dendrite.bench.e2e;

import dev.dendrite.autograd.NoGrad;
import dev.dendrite.data.Dataset;
import dev.dendrite.data.Split;
import dev.dendrite.data.TensorDataset;
import dev.dendrite.kernel.Parallel;
import dev.dendrite.loss.CrossEntropyLoss;
import dev.dendrite.nn.Module;
import dev.dendrite.optim.Adam;
import dev.dendrite.tensor.Tensor;
import dev.dendrite.train.Callback;
import dev.dendrite.train.History;
import dev.dendrite.train.Trainer;
import dev.dendrite.train.TrainingContext;
import java.util.Arrays;
import java.util.Map;

/**
 * Child JVM of {@link TrainingBenchmark}: trains the Fashion-MNIST MLP with Dendrite's own
 * {@link Trainer} (what a user would write), times each epoch, then measures test accuracy and
 * inference rates, and prints one {@link RunResult} line.
 */
public final class DendriteTraining {

    private DendriteTraining() {
    }

    /** Child JVM entry: trains the MLP with Dendrite for one configuration and prints one JSON result line. */
    public static void main(String[] args) {
        RunSpec spec = RunSpec.parse(RunSpec.DENDRITE, args);
        Parallel.setThreads(spec.threads());
        Split data = Fmnist.load(spec.data());
        Dataset train = data.train();
        Module model = Fmnist.mlp(spec.seed());

        EpochTimer timer = new EpochTimer(spec);
        History history = Trainer.of(model)
                .loss(new CrossEntropyLoss())
                .optimizer(new Adam(model.parameters(), 1e-3))
                .batchSize(spec.batch())
                .epochs(spec.warmup() + spec.epochs())
                .seed(spec.seed())
                .callbacks(timer)
                .fit(train);
        double[] measured = Arrays.copyOfRange(timer.seconds, spec.warmup(), spec.warmup() + spec.epochs());
        double[] measuredCpu = Arrays.copyOfRange(timer.cpuSeconds, spec.warmup(), spec.warmup() + spec.epochs());
        double finalLoss = history.last("loss");

        model.eval();
        TensorDataset test = Fmnist.inMemory(data.test());
        Runnable turn = () -> Pacer.awaitTurn(spec);
        double[] single = spec.singles() > 0 ? inferSingles(model, test, spec.singles(), turn) : new double[0];
        double[] bulk = spec.bulkPasses() > 0 ? inferBulk(model, test, spec.bulkPasses(), turn) : new double[0];
        double accuracy = accuracy(model, test); // after inference: in a paired run, within this child's last turn
        System.out.println(new RunResult(RunSpec.DENDRITE, spec.batch(), Parallel.threads(), measured, measuredCpu,
                accuracy, finalLoss, RunResult.median(single), RunResult.median(bulk), Fmnist.peakRssKb(),
                "loss=dev.dendrite.loss.CrossEntropyLoss (fused)", single, bulk).toLine());
    }

    /** Wall time of each epoch, from the trainer's epoch hooks. */
    private static final class EpochTimer implements Callback {
        double[] seconds = new double[0];
        double[] cpuSeconds = new double[0];
        private final RunSpec spec;
        private long start;
        private double cpuStart;

        EpochTimer(RunSpec spec) {
            this.spec = spec;
        }

        @Override
        public void onEpochBegin(int epoch, TrainingContext context) {
            if (epoch >= spec.warmup()) {
                Pacer.awaitTurn(spec);
            }
            start = System.nanoTime();
            cpuStart = Fmnist.processCpuSeconds();
        }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingContext context) {
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpu = Fmnist.processCpuSeconds() - cpuStart;
            seconds = Arrays.copyOf(seconds, epoch + 1);
            cpuSeconds = Arrays.copyOf(cpuSeconds, epoch + 1);
            seconds[epoch] = elapsed;
            cpuSeconds[epoch] = cpu;
            System.err.printf("dendrite epoch %d: %.3f s (CPU %.3f s), loss %.7f%n", epoch, elapsed, cpu,
                    logs.get("loss"));
        }
    }

    static double accuracy(Module model, TensorDataset test) {
        float[] x = Fmnist.features(test);
        int[] labels = Fmnist.labels(test);
        int n = labels.length;
        int correct = 0;
        try (NoGrad noGrad = NoGrad.enter()) {
            for (int from = 0; from < n; from += 1024) {
                int rows = Math.min(1024, n - from);
                Tensor batch = Tensor.wrap(Arrays.copyOfRange(x, from * Fmnist.FEATURES, (from + rows) * Fmnist.FEATURES),
                        rows, Fmnist.FEATURES);
                float[] predicted = model.forward(batch).argmax(1).data();
                for (int i = 0; i < rows; i++) {
                    if ((int) predicted[i] == labels[from + i]) {
                        correct++;
                    }
                }
            }
        }
        return (double) correct / n;
    }

    /** Samples per second of single-example forwards (test images in turn), after a warm-up: each slice's. */
    static double[] inferSingles(Module model, TensorDataset test, int count, Runnable turn) {
        float[] x = Fmnist.features(test);
        int n = test.size();
        try (NoGrad noGrad = NoGrad.enter()) {
            return InferenceRate.measure(count / 4, count, 1, turn, i -> {
                int row = i % n;
                Tensor one = Tensor.wrap(Arrays.copyOfRange(x, row * Fmnist.FEATURES, (row + 1) * Fmnist.FEATURES),
                        1, Fmnist.FEATURES);
                return model.forward(one).data()[0];
            });
        }
    }

    /** Samples per second of forwards in batches of 1024 over the test set, after a warm-up pass: each slice's. */
    static double[] inferBulk(Module model, TensorDataset test, int passes, Runnable turn) {
        float[] x = Fmnist.features(test);
        int batches = test.size() / 1024;
        try (NoGrad noGrad = NoGrad.enter()) {
            return InferenceRate.measure(batches, passes * batches, 1024, turn, i -> {
                int from = i % batches * 1024;
                Tensor batch = Tensor.wrap(Arrays.copyOfRange(x, from * Fmnist.FEATURES,
                        (from + 1024) * Fmnist.FEATURES), 1024, Fmnist.FEATURES);
                return model.forward(batch).data()[0];
            });
        }
    }

    static void consume(float value) {
        if (value == 42.4242f) {
            System.err.println("(sink)");
        }
    }
}
