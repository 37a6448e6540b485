package dev.dendrite.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.dendrite.tensor.Tensor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every loss against PyTorch 1.13: values and gradients of each case in {@link LossReference}. */
class LossReferenceTest {

    private static final double RTOL = 2e-5;
    private static final double ATOL = 2e-6;

    /** Every case the reference script generated, so a case without a configuration below fails. */
    static Stream<Arguments> cases() throws IllegalAccessException {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Field field : LossReference.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == LossReference.Case.class) {
                cases.add(Arguments.of(field.getName(), field.get(null)));
            }
        }
        return cases.build();
    }

    /** The Dendrite loss configured as the torch loss of case {@code name} ("MSE_MEAN": MSELoss, mean). */
    static Loss loss(String name) {
        int cut = name.lastIndexOf('_');
        Reduction r = Reduction.valueOf(name.substring(cut + 1));
        Tensor classWeight = LossReference.input("CLASS_WEIGHT");
        Tensor binWeight = LossReference.input("BIN_WEIGHT");
        Tensor posWeight = LossReference.input("POS_WEIGHT");
        return switch (name.substring(0, cut)) {
            case "MSE" -> new MSELoss().reduction(r);
            case "L1" -> new L1Loss().reduction(r);
            case "SMOOTH_L1" -> new SmoothL1Loss().reduction(r);
            case "SMOOTH_L1_BETA2" -> new SmoothL1Loss(2f).reduction(r);
            case "SMOOTH_L1_BETA0" -> new SmoothL1Loss(0f).reduction(r);
            case "HUBER" -> new HuberLoss().reduction(r);
            case "HUBER_DELTA2" -> new HuberLoss(2f).reduction(r);
            case "BCE", "BCE_EXTREME" -> new BCELoss().reduction(r);
            case "BCE_WEIGHT" -> new BCELoss().weight(binWeight).reduction(r);
            case "BCE_LOGITS", "BCE_LOGITS_EXTREME" -> new BCEWithLogitsLoss().reduction(r);
            case "BCE_LOGITS_POS_WEIGHT" -> new BCEWithLogitsLoss().posWeight(posWeight).reduction(r);
            case "BCE_LOGITS_WEIGHT" -> new BCEWithLogitsLoss().weight(binWeight).reduction(r);
            case "BCE_LOGITS_WEIGHT_POS_WEIGHT" -> new BCEWithLogitsLoss().weight(binWeight).posWeight(posWeight)
                    .reduction(r);
            case "CE", "CE_IGNORE", "CE_PROB", "CE_EXTREME" -> new CrossEntropyLoss().reduction(r);
            case "CE_WEIGHT", "CE_PROB_WEIGHT" -> new CrossEntropyLoss().weight(classWeight).reduction(r);
            case "CE_SMOOTH", "CE_PROB_SMOOTH", "CE_SINGLE", "CE_EXTREME_SMOOTH" ->
                    new CrossEntropyLoss().labelSmoothing(0.1f).reduction(r);
            case "CE_IGNORE_SMOOTH" -> new CrossEntropyLoss().labelSmoothing(0.25f).reduction(r);
            case "CE_WEIGHT_SMOOTH", "CE_IGNORE_WEIGHT_SMOOTH", "CE_PROB_WEIGHT_SMOOTH" ->
                    new CrossEntropyLoss().weight(classWeight).labelSmoothing(0.25f).reduction(r);
            case "CE_IGNORE_TWO_WEIGHT" -> new CrossEntropyLoss().weight(classWeight).ignoreIndex(2).reduction(r);
            case "NLL", "NLL_IGNORE" -> new NLLLoss().reduction(r);
            case "NLL_WEIGHT", "NLL_WEIGHT_IGNORE" -> new NLLLoss().weight(classWeight).reduction(r);
            default -> throw new AssertionError("no configuration for reference case " + name);
        };
    }

    /** The upstream gradient of element {@code k} of an unreduced loss, as loss_reference.py's R. */
    static float upstream(int k) {
        return (k % 2 == 0 ? 1 : -1) * (0.5f + 0.25f * k);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(String name, LossReference.Case expected) {
        Tensor prediction = LossReference.input(expected.prediction()).requiresGrad(true);
        Tensor target = LossReference.input(expected.target()).requiresGrad(expected.gradTarget() != null);

        Tensor loss = loss(name).apply(prediction, target);

        assertThat(loss.dims()).as(name + " shape").containsExactly(expected.shape());
        assertClose(name + " value", loss.toArray(), expected.value());
        if (loss.rank() == 0) {
            loss.backward();
        } else {
            float[] weights = new float[loss.size()];
            for (int k = 0; k < weights.length; k++) {
                weights[k] = upstream(k);
            }
            loss.backward(Tensor.of(weights, loss.dims()));
        }
        assertClose(name + " d/dprediction", prediction.grad().toArray(), expected.gradPrediction());
        if (expected.gradTarget() != null) {
            assertClose(name + " d/dtarget", target.grad().toArray(), expected.gradTarget());
        }
    }

    private static void assertClose(String what, float[] actual, float[] expected) {
        if (actual.length != expected.length) {
            fail(what + ": " + actual.length + " values, expected " + expected.length);
        }
        for (int i = 0; i < actual.length; i++) {
            if (!(Math.abs(actual[i] - expected[i]) <= ATOL + RTOL * Math.abs(expected[i]))) {
                fail(what + "[" + i + "] = " + actual[i] + ", PyTorch " + expected[i] + "\n  actual   "
                        + Arrays.toString(actual) + "\n  expected " + Arrays.toString(expected));
            }
        }
    }
}
