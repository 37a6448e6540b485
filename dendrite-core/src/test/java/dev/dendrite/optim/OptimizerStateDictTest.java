package dev.dendrite.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dendrite.nn.Parameter;
import dev.dendrite.tensor.Shape;
import dev.dendrite.tensor.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Saving and restoring optimizer state: a restored run continues bit-identically; bad dicts fail clearly. */
class OptimizerStateDictTest {

    static Stream<Arguments> optimizers() {
        return Stream.<Function<List<Parameter>, Optimizer>>of(
                ps -> new SGD(ps, 0.1).momentum(0.9).dampening(0.2),
                ps -> new SGD(ps, 0.1).momentum(0.9).nesterov(true),
                ps -> new Adagrad(ps, 0.1).lrDecay(0.01).initialAccumulatorValue(0.1),
                ps -> new Adadelta(ps),
                ps -> new RMSprop(ps).centered(true).momentum(0.9),
                ps -> new Adam(ps, 0.01).amsgrad(true).weightDecay(0.01),
                ps -> new AdamW(ps, 0.01),
                ps -> new Adamax(ps),
                ps -> new NAdam(ps).l1(1e-3))
                .map(factory -> Arguments.of(factory.apply(params()).getClass().getSimpleName(), factory));
    }

    private static List<Parameter> params() {
        return List.of(new Parameter(Tensor.of(new float[][] {{0.5f, -1f}, {2f, 0.1f}})),
                new Parameter(Tensor.of(0.3f, -0.7f, 1.1f)));
    }

    /** Step {@code step} (0-based) of a fixed gradient sequence; the second parameter has no gradient on step 1. */
    private static void step(Optimizer optimizer, List<Parameter> ps, int step) {
        optimizer.zeroGrad();
        float s = step + 1;
        ps.get(0).value().accumulateGrad(Tensor.of(new float[][] {{0.1f * s, -0.2f}, {0.3f / s, 0.05f * s * s}}));
        if (step != 1) {
            ps.get(1).value().accumulateGrad(Tensor.of(-0.4f / s, 0.2f * s, 0.6f));
        }
        optimizer.step();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void aRestoredOptimizerContinuesBitIdentically(String name, Function<List<Parameter>, Optimizer> factory) {
        List<Parameter> straight = params();
        Optimizer uninterrupted = factory.apply(straight);
        for (int i = 0; i < 5; i++) {
            if (i == 3) {
                uninterrupted.setLearningRate(0.0123);
            }
            step(uninterrupted, straight, i);
        }

        List<Parameter> resumed = params();
        Optimizer first = factory.apply(resumed);
        for (int i = 0; i < 3; i++) {
            step(first, resumed, i);
        }
        first.setLearningRate(0.0123);
        Map<String, Tensor> saved = first.stateDict();
        Optimizer second = factory.apply(resumed);
        second.loadStateDict(saved);
        for (int i = 3; i < 5; i++) {
            step(second, resumed, i);
        }

        for (int p = 0; p < 2; p++) {
            assertThat(resumed.get(p).value().toArray()).as("parameter %d", p)
                    .containsExactly(straight.get(p).value().toArray());
        }
        assertThat(second.stateDict().keySet()).isEqualTo(uninterrupted.stateDict().keySet());
    }

    @Test
    void theDictNamesGroupsAndPerParameterState() {
        List<Parameter> ps = params();
        Adam adam = new Adam(ps, 0.01);
        step(adam, ps, 0);
        Map<String, Tensor> dict = adam.stateDict();
        assertThat(dict).containsOnlyKeys("group.0.lr", "group.0.weight_decay", "group.0.l1", "group.0.params",
                "state.0.step", "state.0.exp_avg", "state.0.exp_avg_sq",
                "state.1.step", "state.1.exp_avg", "state.1.exp_avg_sq");
        assertThat(dict.get("state.0.exp_avg").shape()).isEqualTo(Shape.of(2, 2));
        assertThat(dict.get("state.1.step").toArray()).containsExactly(1f);
        assertThat(StateDicts.readScalar(dict, "group.0.lr")).isEqualTo(0.01);
        // a copy, not the live buffer
        dict.get("state.0.exp_avg").fill(42f);
        assertThat(adam.state(ps.get(0)).buffer("exp_avg")[0]).isNotEqualTo(42f);
    }

    private static Map<String, Tensor> savedAdam() {
        List<Parameter> ps = params();
        Adam adam = new Adam(ps, 0.01);
        step(adam, ps, 0);
        return new HashMap<>(adam.stateDict());
    }

    @Test
    void aWrongShapeNamesTheEntryAndBothShapes() {
        Map<String, Tensor> dict = savedAdam();
        dict.put("state.1.exp_avg", Tensor.zeros(2, 2));
        assertThatThrownBy(() -> new Adam(params()).loadStateDict(dict))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'state.1.exp_avg'")
                .hasMessageContaining(Shape.of(2, 2).toString())
                .hasMessageContaining(Shape.of(3).toString());
    }

    @Test
    void missingAndUnexpectedEntriesAreNamed() {
        Map<String, Tensor> missing = savedAdam();
        missing.remove("state.0.exp_avg_sq");
        assertThatThrownBy(() -> new Adam(params()).loadStateDict(missing))
                .hasMessageContaining("'state.0.exp_avg_sq'");

        Map<String, Tensor> extra = savedAdam();
        extra.put("state.0.momentum_buffer", Tensor.zeros(2, 2));
        assertThatThrownBy(() -> new Adam(params()).loadStateDict(extra))
                .hasMessageContaining("state.0.momentum_buffer");

        Map<String, Tensor> noLr = savedAdam();
        noLr.remove("group.0.lr");
        assertThatThrownBy(() -> new Adam(params()).loadStateDict(noLr)).hasMessageContaining("'group.0.lr'");
    }

    @Test
    void anotherOptimizersStateIsRejected() {
        Map<String, Tensor> adam = savedAdam();
        assertThatThrownBy(() -> new SGD(params(), 0.1).momentum(0.9).loadStateDict(adam))
                .hasMessageContaining("unexpected entries")
                .hasMessageContaining("state.0.exp_avg")
                .hasMessageContaining("momentum_buffer");
    }

    @Test
    void aDifferentGroupLayoutIsRejected() {
        Map<String, Tensor> dict = savedAdam();
        List<Parameter> ps = params();
        Adam split = new Adam(List.of(ps.get(0)));
        split.addParamGroup(new ParamGroup(List.of(ps.get(1))));
        assertThatThrownBy(() -> split.loadStateDict(dict)).hasMessageContaining("group.0.params");
    }

    @Test
    void aFailedLoadChangesNothing() {
        List<Parameter> ps = params();
        Adam adam = new Adam(ps, 0.01);
        step(adam, ps, 0);
        Map<String, Tensor> before = adam.stateDict();
        Map<String, Tensor> bad = new HashMap<>(before);
        bad.put("group.0.lr", StateDicts.scalar(0.5));
        bad.put("state.0.exp_avg", Tensor.full(7f, 2, 2));
        bad.put("state.1.exp_avg", Tensor.zeros(4));
        assertThatThrownBy(() -> adam.loadStateDict(bad)).isInstanceOf(IllegalArgumentException.class);
        assertThat(adam.learningRate()).isEqualTo(0.01);
        assertThat(adam.state(ps.get(0)).buffer("exp_avg")).containsExactly(before.get("state.0.exp_avg").toArray());
    }

    @Test
    void scalarsSurviveExactly() {
        for (double value : new double[] {0, 1, 0.1, 1e-3, 1.0 / 3, Math.PI, -2.5e-7, 123456789.123, 1 << 30,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            Tensor stored = StateDicts.scalar(value);
            assertThat(stored.size()).isBetween(1, 3);
            assertThat(stored.data()[0]).isEqualTo((float) value);
            assertThat(StateDicts.readScalar(Map.of("x", stored), "x")).as("%s", value).isEqualTo(value);
        }
        assertThat(StateDicts.scalar(0.5).size()).isEqualTo(1);
        assertThat(StateDicts.readScalar(Map.of("x", StateDicts.scalar(Double.NaN)), "x")).isNaN();
    }
}
