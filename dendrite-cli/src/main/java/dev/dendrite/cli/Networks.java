package dev.dendrite.cli;

import dev.dendrite.loss.BCEWithLogitsLoss;
import dev.dendrite.loss.CrossEntropyLoss;
import dev.dendrite.loss.HuberLoss;
import dev.dendrite.loss.L1Loss;
import dev.dendrite.loss.Loss;
import dev.dendrite.loss.MSELoss;
import dev.dendrite.loss.SmoothL1Loss;
import dev.dendrite.nn.Dropout;
import dev.dendrite.nn.ELU;
import dev.dendrite.nn.Flatten;
import dev.dendrite.nn.GELU;
import dev.dendrite.nn.LeakyReLU;
import dev.dendrite.nn.Linear;
import dev.dendrite.nn.Module;
import dev.dendrite.nn.Parameter;
import dev.dendrite.nn.ReLU;
import dev.dendrite.nn.Sequential;
import dev.dendrite.nn.SiLU;
import dev.dendrite.nn.Sigmoid;
import dev.dendrite.nn.Softplus;
import dev.dendrite.nn.Tanh;
import dev.dendrite.optim.Adadelta;
import dev.dendrite.optim.Adagrad;
import dev.dendrite.optim.Adam;
import dev.dendrite.optim.AdamW;
import dev.dendrite.optim.Adamax;
import dev.dendrite.optim.NAdam;
import dev.dendrite.optim.Optimizer;
import dev.dendrite.optim.RMSprop;
import dev.dendrite.optim.SGD;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Networks, losses and optimizers chosen by name on the command line. */
final class Networks {

    static final Map<String, Supplier<Module>> ACTIVATIONS = Map.of(
            "relu", ReLU::new, "leaky-relu", LeakyReLU::new, "elu", ELU::new, "gelu", GELU::new,
            "silu", SiLU::new, "tanh", Tanh::new, "sigmoid", Sigmoid::new, "softplus", Softplus::new);

    static final List<String> OPTIMIZERS = List.of("adam", "adamw", "sgd", "rmsprop", "adagrad", "adadelta", "adamax", "nadam");

    private Networks() {
    }

    /**
     * A multi-layer perceptron: {@code inputs}, then per hidden width a linear layer, the activation
     * and (when {@code dropout > 0}) dropout, then a linear layer of {@code outputs}; a single output
     * is flattened to one value per example.
     */
    static Sequential mlp(int inputs, List<Integer> hidden, String activation, double dropout, int outputs) {
        Supplier<Module> act = ACTIVATIONS.get(activation.toLowerCase(Locale.ROOT));
        if (act == null) {
            throw new UsageException("unknown activation '" + activation + "'; choose one of " + sorted(ACTIVATIONS.keySet()));
        }
        if (dropout < 0 || dropout >= 1) {
            throw new UsageException("--dropout must be in [0, 1), got " + dropout);
        }
        List<Module> layers = new ArrayList<>();
        int width = inputs;
        for (int h : hidden) {
            if (h <= 0) {
                throw new UsageException("--layers: every width must be positive, got " + hidden);
            }
            layers.add(new Linear(width, h));
            layers.add(act.get());
            if (dropout > 0) {
                layers.add(new Dropout(dropout));
            }
            width = h;
        }
        layers.add(new Linear(width, outputs));
        if (outputs == 1) {
            layers.add(new Flatten(0));
        }
        return new Sequential(layers.toArray(Module[]::new));
    }

    /** The default loss of a task. */
    static String defaultLoss(Task task) {
        return switch (task) {
            case BINARY -> "bce-with-logits";
            case MULTICLASS -> "cross-entropy";
            default -> "mse";
        };
    }

    /** The loss named {@code name}, which must suit {@code task}. */
    static Loss loss(String name, Task task) {
        String key = name.toLowerCase(Locale.ROOT);
        List<String> allowed = switch (task) {
            case BINARY -> List.of("bce-with-logits");
            case MULTICLASS -> List.of("cross-entropy");
            default -> List.of("mse", "l1", "huber", "smooth-l1");
        };
        if (!allowed.contains(key)) {
            throw new UsageException("--loss " + name + " does not suit a " + task.label() + " task; choose one of " + allowed);
        }
        return switch (key) {
            case "bce-with-logits" -> new BCEWithLogitsLoss();
            case "cross-entropy" -> new CrossEntropyLoss();
            case "l1" -> new L1Loss();
            case "huber" -> new HuberLoss();
            case "smooth-l1" -> new SmoothL1Loss();
            default -> new MSELoss();
        };
    }

    /** The optimizer named {@code name} over {@code parameters}; its own default learning rate when {@code lr} is null. */
    static Optimizer optimizer(String name, List<Parameter> parameters, Double lr) {
        if (lr != null && !(lr > 0)) {
            throw new UsageException("--lr must be positive, got " + lr);
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "adam" -> lr == null ? new Adam(parameters) : new Adam(parameters, lr);
            case "adamw" -> lr == null ? new AdamW(parameters) : new AdamW(parameters, lr);
            case "sgd" -> new SGD(parameters, lr == null ? 0.01 : lr);
            case "rmsprop" -> lr == null ? new RMSprop(parameters) : new RMSprop(parameters, lr);
            case "adagrad" -> lr == null ? new Adagrad(parameters) : new Adagrad(parameters, lr);
            case "adadelta" -> lr == null ? new Adadelta(parameters) : new Adadelta(parameters, lr);
            case "adamax" -> lr == null ? new Adamax(parameters) : new Adamax(parameters, lr);
            case "nadam" -> lr == null ? new NAdam(parameters) : new NAdam(parameters, lr);
            default -> throw new UsageException("unknown optimizer '" + name + "'; choose one of " + OPTIMIZERS);
        };
    }

    /** The number of inputs the network reads: its first linear layer's. */
    static int inputWidth(Module module) {
        return module.modules().stream().filter(Linear.class::isInstance).map(Linear.class::cast)
                .findFirst().map(Linear::inFeatures).orElse(-1);
    }

    /** The number of outputs of the network's last linear layer. */
    static int outputWidth(Module module) {
        return module.modules().stream().filter(Linear.class::isInstance).map(Linear.class::cast)
                .reduce((a, b) -> b).map(Linear::outFeatures).orElse(-1);
    }

    private static List<String> sorted(java.util.Collection<String> names) {
        return names.stream().sorted().toList();
    }
}
