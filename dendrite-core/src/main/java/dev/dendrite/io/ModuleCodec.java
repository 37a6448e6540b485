package dev.dendrite.io;

import dev.dendrite.nn.Module;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns one kind of module into the architecture JSON of a model file and back: a type name plus a
 * config of hyper-parameters (sizes, slopes, child modules), never weights. Register one with
 * {@link Architecture#register} so that models holding your own modules can be saved and loaded.
 *
 * @param <M> the module class it handles (exactly that class, not subclasses)
 */
public interface ModuleCodec<M extends Module> {

    /** The type name written to the file, e.g. {@code "Linear"}; unique among registered codecs. */
    String type();

    /** The module class handled. */
    Class<M> moduleClass();

    /** Writes the hyper-parameters of {@code module} into {@code config}. */
    void encode(M module, LayerConfig config);

    /** Builds a module from {@code config}; its parameters are overwritten from the file afterwards. */
    M decode(LayerConfig config);

    /** A codec from two functions. */
    static <M extends Module> ModuleCodec<M> of(String type, Class<M> moduleClass,
            BiConsumer<? super M, LayerConfig> encode, Function<LayerConfig, ? extends M> decode) {
        return new ModuleCodec<>() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public Class<M> moduleClass() {
                return moduleClass;
            }

            @Override
            public void encode(M module, LayerConfig config) {
                encode.accept(module, config);
            }

            @Override
            public M decode(LayerConfig config) {
                return decode.apply(config);
            }
        };
    }

    /** A codec for a module without hyper-parameters, built by {@code constructor}. */
    static <M extends Module> ModuleCodec<M> stateless(String type, Class<M> moduleClass, Supplier<M> constructor) {
        return of(type, moduleClass, (module, config) -> { }, config -> constructor.get());
    }
}
