package dev.dendrite.io;

import dev.dendrite.nn.Dropout;
import dev.dendrite.nn.ELU;
import dev.dendrite.nn.Flatten;
import dev.dendrite.nn.GELU;
import dev.dendrite.nn.Identity;
import dev.dendrite.nn.LeakyReLU;
import dev.dendrite.nn.Linear;
import dev.dendrite.nn.LogSoftmax;
import dev.dendrite.nn.Module;
import dev.dendrite.nn.Perceptron;
import dev.dendrite.nn.ReLU;
import dev.dendrite.nn.Sequential;
import dev.dendrite.nn.SiLU;
import dev.dendrite.nn.Sigmoid;
import dev.dendrite.nn.Softmax;
import dev.dendrite.nn.Softplus;
import dev.dendrite.nn.Tanh;
import java.util.List;

/** The codecs of Dendrite's own layers; type names are the class names. */
final class BuiltinCodecs {

    private BuiltinCodecs() {
    }

    static List<ModuleCodec<?>> all() {
        return List.of(
                ModuleCodec.of("Sequential", Sequential.class,
                        (module, config) -> config.putModules("layers", module.layers()),
                        config -> new Sequential(config.getModules("layers").toArray(Module[]::new))),
                ModuleCodec.of("Linear", Linear.class,
                        (module, config) -> config.put("in", module.inFeatures()).put("out", module.outFeatures())
                                .put("bias", module.bias() != null),
                        BuiltinCodecs::linear),
                ModuleCodec.of("Perceptron", Perceptron.class,
                        (module, config) -> config.put("inputs", module.inputs()).putModule("activation", module.activation()),
                        BuiltinCodecs::perceptron),
                ModuleCodec.of("LeakyReLU", LeakyReLU.class,
                        (module, config) -> config.put("slope", module.slope()),
                        config -> new LeakyReLU(config.getFloat("slope"))),
                ModuleCodec.of("ELU", ELU.class,
                        (module, config) -> config.put("alpha", module.alpha()),
                        config -> new ELU(config.getFloat("alpha"))),
                ModuleCodec.of("Softmax", Softmax.class,
                        (module, config) -> config.put("axis", module.axis()),
                        config -> new Softmax(config.getInt("axis"))),
                ModuleCodec.of("LogSoftmax", LogSoftmax.class,
                        (module, config) -> config.put("axis", module.axis()),
                        config -> new LogSoftmax(config.getInt("axis"))),
                ModuleCodec.of("Dropout", Dropout.class,
                        (module, config) -> config.put("p", module.p()),
                        config -> new Dropout(config.getFloat("p"))),
                ModuleCodec.stateless("ReLU", ReLU.class, ReLU::new),
                ModuleCodec.stateless("GELU", GELU.class, GELU::new),
                ModuleCodec.stateless("SiLU", SiLU.class, SiLU::new),
                ModuleCodec.stateless("Softplus", Softplus.class, Softplus::new),
                ModuleCodec.stateless("Sigmoid", Sigmoid.class, Sigmoid::new),
                ModuleCodec.stateless("Tanh", Tanh.class, Tanh::new),
                ModuleCodec.stateless("Identity", Identity.class, Identity::new),
                // Files written before the start axis was kept hold no "start_axis": they meant the default, 1.
                ModuleCodec.of("Flatten", Flatten.class,
                        (module, config) -> config.put("start_axis", module.startAxis()),
                        config -> new Flatten(config.has("start_axis") ? config.getInt("start_axis") : 1)));
    }

    private static Linear linear(LayerConfig config) {
        int in = config.getInt("in");
        int out = config.getInt("out");
        boolean bias = config.getBoolean("bias");
        config.reserveParameters((long) in * out + (bias ? out : 0));
        return new Linear(in, out, bias);
    }

    private static Perceptron perceptron(LayerConfig config) {
        int inputs = config.getInt("inputs");
        config.reserveParameters(inputs + 1L);
        return new Perceptron(inputs, config.getModule("activation"));
    }
}
