package dev.dendrite.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dendrite.nn.Linear;
import dev.dendrite.nn.Module;
import dev.dendrite.nn.Parameter;
import dev.dendrite.nn.ReLU;
import dev.dendrite.nn.Sequential;
import dev.dendrite.tensor.Tensor;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomCodecTest {

    /** A user-defined layer: {@code scale * x} with a learned per-feature scale and a fixed offset. */
    static final class Scale extends Module {
        final int features;
        final float offset;
        final Parameter scale;

        Scale(int features, float offset) {
            this.features = features;
            this.offset = offset;
            this.scale = registerParameter("scale", Tensor.ones(features));
        }

        @Override
        public Tensor forward(Tensor input) {
            return input.mul(scale.value()).add(offset);
        }
    }

    @TempDir
    Path dir;

    @BeforeAll
    static void register() {
        Architecture.register(ModuleCodec.of("test.Scale", Scale.class,
                (module, config) -> config.put("features", module.features).put("offset", module.offset),
                config -> {
                    config.reserveParameters(config.getInt("features"));
                    return new Scale(config.getInt("features"), config.getFloat("offset"));
                }));
    }

    @Test
    void aRegisteredModuleRoundTrips() {
        Scale scale = new Scale(3, 0.25f);
        scale.scale.value().copyFrom(Tensor.of(2f, -1f, 0.5f));
        Path file = dir.resolve("custom.dendrite");
        new Sequential(new Linear(3, 3), new ReLU(), scale).save(file);

        Sequential loaded = (Sequential) Model.load(file).module();

        Scale back = (Scale) loaded.get(2);
        assertThat(back.offset).isEqualTo(0.25f);
        assertThat(back.scale.value().toArray()).containsExactly(2f, -1f, 0.5f);
    }

    @Test
    void registeringATypeTwiceFails() {
        assertThatThrownBy(() -> Architecture.register(ModuleCodec.stateless("ReLU", ReLU.class, ReLU::new)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ReLU' is already registered");
    }

    @Test
    void anUnknownTypeNamesItAndItsPlace() {
        assertThatThrownBy(() -> Architecture.fromJson("{\"type\":\"Sequential\",\"config\":{\"layers\":[{\"type\":\"ReLU\"},{\"type\":\"Conv9D\"}]}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown layer type 'Conv9D'")
                .hasMessageContaining("model.layers[1]");
    }
}
