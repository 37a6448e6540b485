package dev.dendrite.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dendrite.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsTensorsAndMetadataInOrder() {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("model.0.weight", Tensor.arange(6).reshape(2, 3));
        tensors.put("optimizer.state.0.exp_avg", Tensor.of(-0f, Float.NaN, Float.MIN_VALUE));
        tensors.put("scalar", Tensor.scalar(7f));
        tensors.put("empty", Tensor.zeros(0, 4));
        Path file = dir.resolve("checkpoint.safetensors");
        SafeTensors.write(file, tensors, Map.of("epoch", "3", "history", "{\"loss\":[1.0,0.5]}"));

        TensorFile read = SafeTensors.read(file);

        assertThat(read.tensors().keySet()).containsExactlyElementsOf(tensors.keySet());
        tensors.forEach((name, tensor) -> {
            assertThat(read.tensors().get(name).dims()).as(name).isEqualTo(tensor.dims());
            assertThat(read.tensors().get(name).toArray()).as(name).isEqualTo(tensor.toArray());
        });
        assertThat(read.metadata()).containsEntry("epoch", "3").containsEntry("history", "{\"loss\":[1.0,0.5]}")
                .containsKey(Checksum.KEY);
    }

    @Test
    void theLayoutIsPlainSafetensors() throws Exception {
        Path file = dir.resolve("plain.safetensors");
        SafeTensors.write(file, Map.of("w", Tensor.of(1.5f, -2f)), Map.of("k", "v"));
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);

        long headerLength = bytes.getLong(0);
        assertThat((8 + headerLength) % 8).as("data is 8-byte aligned").isZero();
        JsonNode header = Json.parse(new String(bytes.array(), 8, (int) headerLength, StandardCharsets.UTF_8));
        assertThat(header.get("w").get("dtype").asText()).isEqualTo("F32");
        assertThat(header.get("w").get("shape").toString()).isEqualTo("[2]");
        assertThat(header.get("w").get("data_offsets").toString()).isEqualTo("[0,8]");
        assertThat(header.get("__metadata__").get("k").asText()).isEqualTo("v");
        assertThat(bytes.getFloat((int) (8 + headerLength))).isEqualTo(1.5f);
        assertThat(bytes.getFloat((int) (8 + headerLength + 4))).isEqualTo(-2f);
        assertThat(bytes.capacity()).isEqualTo(8 + headerLength + 8);
    }

    @Test
    void readsHalfBfloatAndDoublePrecisionAsFloat32() {
        ByteBuffer data = ByteBuffer.allocate(2 * 2 + 2 * 2 + 2 * 8).order(ByteOrder.LITTLE_ENDIAN);
        data.putShort(Float.floatToFloat16(1.5f)).putShort(Float.floatToFloat16(-0.25f));
        data.putShort((short) (Float.floatToIntBits(3f) >>> 16)).putShort((short) (Float.floatToIntBits(-1024f) >>> 16));
        data.putDouble(0.1).putDouble(-1e300);
        String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2,1],\"data_offsets\":[4,8]},"
                + "\"d\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[8,24]}}";
        Path file = RawFiles.write(dir.resolve("mixed.safetensors"), RawFiles.bytes(header, data.array()));

        TensorFile read = SafeTensors.read(file);

        assertThat(read.tensors().get("h").toArray()).containsExactly(1.5f, -0.25f);
        assertThat(read.tensors().get("b").toArray()).containsExactly(3f, -1024f);
        assertThat(read.tensors().get("b").dims()).containsExactly(2, 1);
        assertThat(read.tensors().get("d").toArray()).containsExactly(0.1f, Float.NEGATIVE_INFINITY);
        assertThat(read.metadata()).isEmpty();
    }

    @Test
    void aTensorLargerThanOneReadChunkRoundTrips() {
        Tensor big = Tensor.randn(Tensor.generator(1), 700, 1000);
        Path file = dir.resolve("big.safetensors");
        SafeTensors.write(file, Map.of("big", big), Map.of());
        assertThat(SafeTensors.read(file).tensors().get("big").toArray()).isEqualTo(big.toArray());
    }
}
