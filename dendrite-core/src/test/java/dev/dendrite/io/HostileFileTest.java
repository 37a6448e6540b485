package dev.dendrite.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dendrite.nn.Linear;
import dev.dendrite.nn.Sequential;
import dev.dendrite.tensor.Tensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a file can be broken fails with a {@link ModelFileException} that names the file and the problem. */
class HostileFileTest {

    @TempDir
    Path dir;

    private AbstractThrowableAssert<?, ? extends Throwable> loading(Path file) {
        return assertThatThrownBy(() -> Model.load(file))
                .isInstanceOf(ModelFileException.class)
                .hasMessageStartingWith(file.toString() + ": ");
    }

    private Path raw(String header, byte[] data) {
        return RawFiles.write(dir.resolve("hostile.safetensors"), RawFiles.bytes(header, data));
    }

    private Path validModel() {
        Path file = dir.resolve("valid.dendrite");
        new Sequential(new Linear(3, 2)).save(file);
        return file;
    }

    @Test
    void missingFile() {
        loading(dir.resolve("nope.dendrite")).hasMessageContaining("no such file");
    }

    @Test
    void fileTooShortForTheHeaderLength() {
        loading(RawFiles.write(dir.resolve("short"), new byte[] {1, 2, 3})).hasMessageContaining("too few");
    }

    @Test
    void headerLengthLargerThanTheFile() {
        byte[] bytes = RawFiles.bytes("{}", new byte[0]);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1000);
        loading(RawFiles.write(dir.resolve("long"), bytes)).hasMessageContaining("header length 1000 is larger than the file");
    }

    @Test
    void headerLengthBeyondTheCapIsRefusedBeforeAllocating() {
        byte[] bytes = RawFiles.bytes("{}", new byte[0]);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, -1);
        loading(RawFiles.write(dir.resolve("huge"), bytes)).hasMessageContaining("18446744073709551615 exceeds the limit");
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 200_000_000);
        loading(RawFiles.write(dir.resolve("huge"), bytes)).hasMessageContaining("exceeds the limit");
    }

    @Test
    void aTextFileGivenAsAModelIsCalledText() {
        Path csv = RawFiles.write(dir.resolve("data.csv"), "a,b,label\n1,2,x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        loading(csv).hasMessageContaining("exceeds the limit").hasMessageContaining("starts with the text 'a,b,labe'")
                .hasMessageContaining("not a model file");
        byte[] bytes = RawFiles.bytes("{}", new byte[0]);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1000);
        loading(RawFiles.write(dir.resolve("long"), bytes)).hasMessageNotContaining("text");
    }

    @Test
    void truncatedFile() throws Exception {
        Path valid = validModel();
        byte[] bytes = Files.readAllBytes(valid);
        loading(RawFiles.write(dir.resolve("cut"), Arrays.copyOf(bytes, bytes.length - 5))).hasMessageContaining("outside the data section");
        loading(RawFiles.write(dir.resolve("cut"), Arrays.copyOf(bytes, 100))).hasMessageContaining("larger than the file");
    }

    @Test
    void headerThatIsNotJsonOrNotUtf8() {
        loading(raw("{\"a\": {\"dtype\": ", new byte[0])).hasMessageContaining("invalid JSON");
        loading(raw("{} x", new byte[0])).hasMessageContaining("invalid JSON");
        loading(raw("[1, 2]", new byte[0])).hasMessageContaining("not a JSON object");
        byte[] bytes = RawFiles.bytes("{\"\u00e9\":1}", new byte[0]);
        bytes[10] = (byte) 0xFF;
        loading(RawFiles.write(dir.resolve("latin"), bytes)).hasMessageContaining("not valid UTF-8");
    }

    @Test
    void duplicateTensorNames() {
        loading(raw("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8]))
                .hasMessageContaining("Duplicate field 'w'");
    }

    @Test
    void offsetsOutsideTheData() {
        loading(raw("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", new byte[4]))
                .hasMessageContaining("tensor 'w' has data_offsets [0, 8] outside the data section of 4 bytes");
        loading(raw("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,4]}}", new byte[8]))
                .hasMessageContaining("end before they begin");
        loading(raw("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[-4,0]}}", new byte[8]))
                .hasMessageContaining("not a non-negative integer");
    }

    @Test
    void overlappingTensors() {
        loading(raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", new byte[12]))
                .hasMessageContaining("tensors 'a' and 'b' overlap");
    }

    @Test
    void bytesThatBelongToNoTensor() {
        loading(raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8]))
                .hasMessageContaining("data bytes [0, 4) belong to no tensor");
        loading(raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[8]))
                .hasMessageContaining("4 bytes after the last tensor");
    }

    @Test
    void unknownAndUnsupportedDtypes() {
        loading(raw("{\"a\":{\"dtype\":\"F33\",\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4]))
                .hasMessageContaining("tensor 'a' has unknown dtype 'F33'");
        loading(raw("{\"a\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8]))
                .hasMessageContaining("unsupported dtype 'I64'");
    }

    @Test
    void shapeWhoseElementCountOverflows() {
        loading(raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,0]}}", new byte[0]))
                .hasMessageContaining("element count overflows");
        loading(raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[1e30],\"data_offsets\":[0,0]}}", new byte[0]))
                .hasMessageContaining("not a non-negative integer");
        loading(raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[65536,65536],\"data_offsets\":[0,0]}}", new byte[0]))
                .hasMessageContaining("more than one tensor can hold");
    }

    @Test
    void shapeThatDoesNotMatchTheBytes() {
        loading(raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]))
                .hasMessageContaining("tensor 'a' has shape [3] of 3 F32 elements (12 bytes) but data_offsets [0, 8] span 8 bytes");
    }

    @Test
    void malformedEntries() {
        loading(raw("{\"a\":{\"shape\":[1],\"data_offsets\":[0,4]}}", new byte[4])).hasMessageContaining("tensor 'a' has no dtype");
        loading(raw("{\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", new byte[4])).hasMessageContaining("shape is missing");
        loading(raw("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0]}}", new byte[4])).hasMessageContaining("has 1 numbers, expected 2");
        loading(raw("{\"a\":7}", new byte[0])).hasMessageContaining("not described by a JSON object");
        loading(raw("{\"__metadata__\":{\"k\":1}}", new byte[0])).hasMessageContaining("'k' is not a string");
    }

    @Test
    void aFlippedDataByteFailsTheChecksum() throws Exception {
        byte[] bytes = Files.readAllBytes(validModel());
        bytes[bytes.length - 3] ^= 0x10;
        loading(RawFiles.write(dir.resolve("flipped"), bytes)).hasMessageContaining("checksum mismatch").hasMessageContaining("corrupt");
    }

    @Test
    void aFlippedMetadataDigitFailsTheChecksum() throws Exception {
        byte[] bytes = Files.readAllBytes(validModel());
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\\\"out\\\":2");
        assertThat(at).isPositive();
        bytes[at + "\\\"out\\\":".length()] = '3';
        loading(RawFiles.write(dir.resolve("edited"), bytes)).hasMessageContaining("checksum mismatch");
    }

    @Test
    void aMissingChecksumIsRefusedForModelFiles() {
        Map<String, String> metadata = metadataOf(validModel());
        metadata.remove(Checksum.KEY);
        Path file = dir.resolve("nochecksum");
        RawFiles.write(file, RawFiles.bytes(headerJson(metadata, "0.weight", "[2,3]", 0, 24, "0.bias", "[2]", 24, 32), new byte[32]));
        loading(file).hasMessageContaining("has no dendrite.checksum");
    }

    @Test
    void anArchitectureNamingAnUnknownLayer() {
        Path file = rewrite(validModel(), Model.ARCHITECTURE_KEY,
                "{\"type\":\"Sequential\",\"config\":{\"layers\":[{\"type\":\"Conv7D\",\"config\":{}}]}}");
        loading(file).hasMessageContaining("unknown layer type 'Conv7D'").hasMessageContaining("model.layers[0]");
    }

    @Test
    void anArchitectureWithBadHyperParameters() {
        loading(rewrite(validModel(), Model.ARCHITECTURE_KEY,
                "{\"type\":\"Linear\",\"config\":{\"in\":\"three\",\"out\":2,\"bias\":true}}"))
                .hasMessageContaining("architecture at model: 'in' should be an integer");
        loading(rewrite(validModel(), Model.ARCHITECTURE_KEY,
                "{\"type\":\"Dropout\",\"config\":{\"p\":1.5}}"))
                .hasMessageContaining("architecture at model (Dropout): Dropout probability must be in [0, 1]");
        loading(rewrite(validModel(), Model.ARCHITECTURE_KEY, "{\"type\":"))
                .hasMessageContaining("invalid JSON");
    }

    @Test
    void anOversizedArchitectureIsRefusedBeforeParsing() {
        String relus = "{\"type\":\"ReLU\"},".repeat(Model.MAX_ARCHITECTURE_CHARS / 15);
        loading(rewrite(validModel(), Model.ARCHITECTURE_KEY, "{\"type\":\"Sequential\",\"config\":{\"layers\":[" + relus + "]}}"))
                .hasMessageContaining("dendrite.architecture has").hasMessageContaining("characters, more than the 16777216 accepted");
    }

    @Test
    void anArchitectureNestedTooDeeply() {
        String deep = "{\"type\":\"Sequential\",\"config\":{\"layers\":[".repeat(200) + "]}}".repeat(200);
        loading(rewrite(validModel(), Model.ARCHITECTURE_KEY, deep)).hasMessageContaining("nesting depth");
    }

    @Test
    void anArchitectureAskingForMoreParametersThanTheFileHoldsFailsBeforeAllocating() {
        loading(rewrite(validModel(), Model.ARCHITECTURE_KEY,
                "{\"type\":\"Linear\",\"config\":{\"in\":100000,\"out\":100000,\"bias\":true}}"))
                .hasMessageContaining("declares 10000100000 parameter values, more than the 8 the file has left");
    }

    @Test
    void aParameterShapeThatDisagreesWithTheArchitecture() {
        loading(rewrite(validModel(), Model.ARCHITECTURE_KEY,
                "{\"type\":\"Sequential\",\"config\":{\"layers\":[{\"type\":\"Linear\",\"config\":{\"in\":2,\"out\":3,\"bias\":false}}]}}"))
                .hasMessageContaining("parameter '0.weight' has shape [3, 2] but the file's tensor has shape [2, 3]")
                .hasMessageContaining("tensors [0.bias] match no parameter");
    }

    @Test
    void aNewerOrNonsenseFormatVersion() {
        loading(rewrite(validModel(), Model.VERSION_KEY, "2")).hasMessageContaining("format version 2 by a newer Dendrite");
        loading(rewrite(validModel(), Model.VERSION_KEY, "one")).hasMessageContaining("'one' is not a number");
    }

    @Test
    void badPreprocessing() {
        loading(rewrite(validModel(), Model.PREPROCESSING_KEY,
                "{\"kind\":\"standard\",\"class_names\":[],\"params\":{\"mean\":{\"shape\":[3],\"values\":[1,2]}}}"))
                .hasMessageContaining("preprocessing param 'mean' has 2 values for a shape of [3]");
        loading(rewrite(validModel(), Model.PREPROCESSING_KEY,
                "{\"kind\":\"standard\",\"class_names\":[1],\"params\":{}}"))
                .hasMessageContaining("a class name should be a string, is 1");
        loading(rewrite(validModel(), Model.PREPROCESSING_KEY,
                "{\"kind\":\"standard\",\"class_names\":[],\"params\":{\"m\":{\"shape\":[1],\"values\":[\"x\"]}}}"))
                .hasMessageContaining("preprocessing param 'm' values holds x, not a number");
        loading(rewrite(validModel(), Model.PREPROCESSING_KEY, "{\"kind\":\"standard\"}"))
                .hasMessageContaining("preprocessing needs kind, class_names and params");
    }

    /** The file with one metadata entry replaced, re-checksummed as a deliberate attacker would. */
    private Path rewrite(Path valid, String key, String value) {
        TensorFile file = SafeTensors.read(valid);
        Map<String, String> metadata = new LinkedHashMap<>(file.metadata());
        metadata.put(key, value);
        Path out = dir.resolve("rewritten.dendrite");
        SafeTensors.write(out, file.tensors(), metadata);
        return out;
    }

    private static Map<String, String> metadataOf(Path file) {
        return new LinkedHashMap<>(SafeTensors.read(file).metadata());
    }

    private static String headerJson(Map<String, String> metadata, Object... entries) {
        var root = Json.object();
        var meta = root.putObject("__metadata__");
        metadata.forEach(meta::put);
        for (int i = 0; i < entries.length; i += 4) {
            var entry = root.putObject((String) entries[i]);
            entry.put("dtype", "F32");
            entry.set("shape", Json.parse((String) entries[i + 1]));
            entry.putArray("data_offsets").add((Integer) entries[i + 2]).add((Integer) entries[i + 3]);
        }
        return Json.write(root);
    }

    @Test
    void writingANullMetadataValueFailsWithoutTouchingTheTarget() {
        Path file = validModel();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("k", null);
        assertThatThrownBy(() -> SafeTensors.write(file, Map.of("a", Tensor.zeros(1)), metadata))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("null");
        assertThat(Model.load(file).module()).isInstanceOf(Sequential.class);
    }
}
