package dev.dendrite.bench.e2e;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.dendrite.data.Batch;
import dev.dendrite.data.DataLoader;
import dev.dendrite.data.Dataset;
import dev.dendrite.data.Split;
import dev.dendrite.data.TensorDataset;
import dev.dendrite.nn.Module;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Child JVM of {@link TrainingBenchmark}: trains the same MLP on the same data with PyTorch 2.7
 * (libtorch through DJL's PyTorch engine), from the same initial weights, in the same batch order:
 * batches come from Dendrite's {@link DataLoader} with the same seed, and the initial weights are
 * copied from the Dendrite model built with the same seed. The step is the lean DJL loop (forward in
 * a {@link GradientCollector}, DJL's softmax cross-entropy, backward, DJL's Adam, which calls
 * libtorch's fused Adam update), without DJL's listener machinery.
 *
 * <p>Threads: {@code torch.set_num_threads(n)} and one inter-op thread (DJL's engine properties
 * {@code ai.djl.pytorch.num_threads} / {@code num_interop_threads}, which call them), plus
 * {@code OMP_NUM_THREADS=n} in the environment.
 */
public final class PyTorchTraining {

    private PyTorchTraining() {
    }

    /** Child JVM entry: trains the MLP with PyTorch through DJL for one configuration and prints one JSON result line. */
    public static void main(String[] args) {
        RunSpec spec = RunSpec.parse(RunSpec.PYTORCH, args);
        Engine engine = Engine.getEngine("PyTorch");
        // The engine applies -Dai.djl.pytorch.num_threads / num_interop_threads (the driver passes them)
        // when it starts; set them here only when run by hand without them (inter-op can be set only once).
        if (JniUtils.getNumThreads() != spec.threads()) {
            JniUtils.setNumThreads(spec.threads());
        }
        if (JniUtils.getNumInteropThreads() != 1 && System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            JniUtils.setNumInteropThreads(1);
        }
        System.err.println("PyTorch " + engine.getVersion() + ", intra-op threads " + JniUtils.getNumThreads()
                + ", inter-op threads " + JniUtils.getNumInteropThreads());

        Split data = Fmnist.load(spec.data());
        Dataset train = data.train();

        SequentialBlock block = new SequentialBlock()
                .add(Linear.builder().setUnits(256).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(128).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(Fmnist.CLASSES).build());
        Initializer sameAsDendrite = new CopyInitializer(Fmnist.mlp(spec.seed()));
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f))
                .optBeta1(0.9f).optBeta2(0.999f).optEpsilon(1e-8f).build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(adam)
                .optDevices(new Device[] {Device.cpu()})
                .optInitializer(sameAsDendrite, Parameter.Type.WEIGHT)
                .optInitializer(sameAsDendrite, Parameter.Type.BIAS);

        try (Model model = Model.newInstance("fmnist-mlp", "PyTorch")) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, Fmnist.FEATURES));
                DataLoader loader = DataLoader.of(train).batchSize(spec.batch()).shuffle(spec.seed()).prefetch(2);
                int epochs = spec.warmup() + spec.epochs();
                double[] seconds = new double[epochs];
                double[] cpuSeconds = new double[epochs];
                double lastLoss = Double.NaN;
                for (int epoch = 0; epoch < epochs; epoch++) {
                    if (epoch >= spec.warmup()) {
                        Pacer.awaitTurn(spec);
                    }
                    long start = System.nanoTime();
                    double cpuStart = Fmnist.processCpuSeconds();
                    double lossSum = 0;
                    long count = 0;
                    for (Batch batch : loader.epoch(epoch)) {
                        try (NDManager step = trainer.getManager().newSubManager()) {
                            int rows = batch.size();
                            NDArray x = step.create(batch.features().data(), new Shape(rows, Fmnist.FEATURES));
                            NDArray y = step.create(batch.targets().data(), new Shape(rows));
                            float loss;
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                                NDArray value = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                                collector.backward(value);
                                loss = value.getFloat();
                            }
                            trainer.step();
                            lossSum += (double) loss * rows;
                            count += rows;
                        }
                    }
                    seconds[epoch] = (System.nanoTime() - start) / 1e9;
                    cpuSeconds[epoch] = Fmnist.processCpuSeconds() - cpuStart;
                    lastLoss = lossSum / count;
                    System.err.printf("pytorch epoch %d: %.3f s (CPU %.3f s), loss %.7f%n", epoch, seconds[epoch],
                            cpuSeconds[epoch], lastLoss);
                }
                double[] measured = Arrays.copyOfRange(seconds, spec.warmup(), epochs);
                double[] measuredCpu = Arrays.copyOfRange(cpuSeconds, spec.warmup(), epochs);
                TensorDataset test = Fmnist.inMemory(data.test());
                Runnable turn = () -> Pacer.awaitTurn(spec);
                double[] single = spec.singles() > 0 ? inferSingles(trainer, test, spec.singles(), turn) : new double[0];
                double[] bulk = spec.bulkPasses() > 0 ? inferBulk(trainer, test, spec.bulkPasses(), turn) : new double[0];
                double accuracy = accuracy(trainer, test); // after inference: in a paired run, within the last turn
                System.out.println(new RunResult(RunSpec.PYTORCH, spec.batch(), JniUtils.getNumThreads(), measured,
                        measuredCpu, accuracy, lastLoss, RunResult.median(single), RunResult.median(bulk),
                        Fmnist.peakRssKb(), "PyTorch " + engine.getVersion() + " via DJL " + Engine.getDjlVersion(),
                        single, bulk).toLine());
            }
        }
    }

    /** Hands DJL the initial values of the Dendrite model: the layers' parameters all differ in shape. */
    private static final class CopyInitializer implements Initializer {
        private final Map<Shape, float[]> values = new HashMap<>();

        CopyInitializer(Module dendrite) {
            for (var parameter : dendrite.parameters()) {
                long[] dims = Arrays.stream(parameter.value().dims()).asLongStream().toArray();
                values.put(new Shape(dims), parameter.value().toArray());
            }
        }

        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            float[] value = values.get(shape);
            if (value == null) {
                throw new IllegalStateException("no Dendrite parameter of shape " + shape + " among " + values.keySet());
            }
            return manager.create(value, shape);
        }
    }

    private static NDArray rows(NDManager manager, float[] x, int from, int rows) {
        return manager.create(Arrays.copyOfRange(x, from * Fmnist.FEATURES, (from + rows) * Fmnist.FEATURES),
                new Shape(rows, Fmnist.FEATURES));
    }

    static double accuracy(Trainer trainer, TensorDataset test) {
        float[] x = Fmnist.features(test);
        int[] labels = Fmnist.labels(test);
        int n = labels.length;
        int correct = 0;
        for (int from = 0; from < n; from += 1024) {
            int rows = Math.min(1024, n - from);
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDArray logits = trainer.evaluate(new NDList(rows(manager, x, from, rows))).singletonOrThrow();
                long[] predicted = logits.argMax(1).toLongArray();
                for (int i = 0; i < rows; i++) {
                    if (predicted[i] == labels[from + i]) {
                        correct++;
                    }
                }
            }
        }
        return (double) correct / n;
    }

    /** Samples per second of single-example forwards, inference mode (no gradient recording), after a warm-up: each slice's. */
    static double[] inferSingles(Trainer trainer, TensorDataset test, int count, Runnable turn) {
        float[] x = Fmnist.features(test);
        int n = test.size();
        return InferenceRate.measure(count / 4, count, 1, turn, i -> {
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDArray logits = trainer.evaluate(new NDList(rows(manager, x, i % n, 1))).singletonOrThrow();
                return logits.toFloatArray()[0];
            }
        });
    }

    /** Samples per second of forwards in batches of 1024 over the test set, after a warm-up pass: each slice's. */
    static double[] inferBulk(Trainer trainer, TensorDataset test, int passes, Runnable turn) {
        float[] x = Fmnist.features(test);
        int batches = test.size() / 1024;
        return InferenceRate.measure(batches, passes * batches, 1024, turn, i -> {
            try (NDManager manager = trainer.getManager().newSubManager()) {
                NDArray logits = trainer.evaluate(new NDList(rows(manager, x, i % batches * 1024, 1024)))
                        .singletonOrThrow();
                return logits.toFloatArray()[0];
            }
        });
    }
}
