package dev.dendrite.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.nn.Parameter;
import dev.dendrite.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every optimizer must do besides its update rule: groups, skipped parameters, regularisation, convergence. */
class OptimizerTest {

    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("SGD", (Function<List<Parameter>, Optimizer>) ps -> new SGD(ps, 0.1), 300),
                Arguments.of("SGD Nesterov", (Function<List<Parameter>, Optimizer>) ps -> new SGD(ps, 0.05)
                        .momentum(0.9).nesterov(true), 300),
                Arguments.of("Adagrad", (Function<List<Parameter>, Optimizer>) ps -> new Adagrad(ps, 0.5), 500),
                Arguments.of("Adadelta", (Function<List<Parameter>, Optimizer>) ps -> new Adadelta(ps, 10.0), 3000),
                Arguments.of("RMSprop centered", (Function<List<Parameter>, Optimizer>) ps -> new RMSprop(ps, 0.01)
                        .centered(true).momentum(0.5), 1000),
                Arguments.of("Adam", (Function<List<Parameter>, Optimizer>) ps -> new Adam(ps, 0.05), 1000),
                Arguments.of("AMSGrad", (Function<List<Parameter>, Optimizer>) ps -> new Adam(ps, 0.05).amsgrad(true),
                        1000),
                Arguments.of("AdamW", (Function<List<Parameter>, Optimizer>) ps -> new AdamW(ps, 0.05).weightDecay(0),
                        1000),
                Arguments.of("Adamax", (Function<List<Parameter>, Optimizer>) ps -> new Adamax(ps, 0.05), 1000),
                Arguments.of("NAdam", (Function<List<Parameter>, Optimizer>) ps -> new NAdam(ps, 0.05), 1000));
    }

    /** Sets the gradient of f(w) = ½ Σ c_i (w_i − t_i)² with c = (1, 4, 0.5) and t = (1, −2, 3). */
    private static void quadraticGradient(Parameter w) {
        float[] c = {1f, 4f, 0.5f};
        float[] t = {1f, -2f, 3f};
        float[] v = w.value().data();
        float[] g = new float[3];
        for (int i = 0; i < 3; i++) {
            g[i] = c[i] * (v[i] - t[i]);
        }
        w.value().accumulateGrad(Tensor.of(g));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void minimisesAQuadratic(String name, Function<List<Parameter>, Optimizer> factory, int steps) {
        Parameter w = new Parameter(Tensor.zeros(3));
        Optimizer optimizer = factory.apply(List.of(w));
        for (int i = 0; i < steps; i++) {
            optimizer.zeroGrad();
            quadraticGradient(w);
            optimizer.step();
        }
        assertThat(w.value().toArray()).as(name).containsExactly(new float[] {1f, -2f, 3f}, within(0.02f));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void leavesParametersWithoutGradientAloneAndNeverTouchesGradients(String name,
                                                                       Function<List<Parameter>, Optimizer> factory,
                                                                       int steps) {
        Parameter trained = new Parameter(Tensor.of(1f, 2f));
        Parameter frozen = new Parameter(Tensor.of(3f, 4f));
        Optimizer optimizer = factory.apply(List.of(trained, frozen)).weightDecay(0.1).l1(0.1);
        trained.value().accumulateGrad(Tensor.of(0.5f, -0.5f));
        optimizer.step();
        optimizer.step();
        assertThat(frozen.value().toArray()).containsExactly(3f, 4f);
        assertThat(optimizer.state(frozen)).isNull();
        assertThat(optimizer.state(trained).step()).isEqualTo(2);
        assertThat(trained.value().toArray()).isNotEqualTo(new float[] {1f, 2f});
        assertThat(trained.grad().toArray()).containsExactly(0.5f, -0.5f);
    }

    @Test
    void l1AddsTheSignOfEachWeightToTheGradient() {
        // w ← w − lr (g + l1·sign(w)), by hand: lr 0.1, l1 0.5, g = (0.1, 0.2, 0.3)
        Parameter w = new Parameter(Tensor.of(0.5f, -1.2f, 0f));
        SGD sgd = new SGD(List.of(w), 0.1).l1(0.5);
        float[][] expected = {{0.44f, -1.17f, -0.03f}, {0.38f, -1.14f, -0.01f}};
        for (float[] want : expected) {
            sgd.zeroGrad();
            w.value().accumulateGrad(Tensor.of(0.1f, 0.2f, 0.3f));
            sgd.step();
            assertThat(w.value().toArray()).containsExactly(want, within(1e-6f));
        }
    }

    @Test
    void l1AndWeightDecayAddUp() {
        // g' = g + wd·w + l1·sign(w) = 1 + 0.5·2 + 0.25 = 2.25; w = 2 − 0.1·2.25 = 1.775
        Parameter w = new Parameter(Tensor.of(2f));
        SGD sgd = new SGD(List.of(w), 0.1).weightDecay(0.5).l1(0.25);
        w.value().accumulateGrad(Tensor.of(1f));
        sgd.step();
        assertThat(w.value().item()).isCloseTo(1.775f, within(1e-6f));
    }

    @Test
    void groupsHaveTheirOwnSettingsAndInheritTheRest() {
        Parameter body = new Parameter(Tensor.of(1f));
        Parameter head = new Parameter(Tensor.of(1f));
        SGD sgd = new SGD(List.of(body), 0.1).weightDecay(0.5);
        sgd.addParamGroup(new ParamGroup(List.of(head)).lr(0.01));
        assertThat(sgd.paramGroups()).hasSize(2);
        assertThat(sgd.paramGroups().get(1).weightDecay()).isEqualTo(0.5);
        assertThat(sgd.learningRate()).isEqualTo(0.1);

        body.value().accumulateGrad(Tensor.of(1f));
        head.value().accumulateGrad(Tensor.of(1f));
        sgd.step();
        assertThat(body.value().item()).isCloseTo(1f - 0.1f * 1.5f, within(1e-7f));
        assertThat(head.value().item()).isCloseTo(1f - 0.01f * 1.5f, within(1e-7f));

        sgd.setLearningRate(0.5);
        assertThat(sgd.paramGroups()).allSatisfy(group -> assertThat(group.lr()).isEqualTo(0.5));
    }

    @Test
    void zeroGradForgetsEveryGradient() {
        Parameter a = new Parameter(Tensor.of(1f));
        Parameter b = new Parameter(Tensor.of(1f));
        Adam adam = new Adam(List.of(a));
        adam.addParamGroup(new ParamGroup(List.of(b)));
        a.value().accumulateGrad(Tensor.of(1f));
        b.value().accumulateGrad(Tensor.of(1f));
        adam.zeroGrad();
        assertThat(a.grad()).isNull();
        assertThat(b.grad()).isNull();
    }

    @Test
    void rejectsBadConfigurations() {
        Parameter w = new Parameter(Tensor.of(1f));
        assertThatThrownBy(() -> new SGD(List.of(), 0.1)).hasMessageContaining("empty parameter list");
        assertThatThrownBy(() -> new SGD(List.of(w), -1)).hasMessageContaining("lr");
        assertThatThrownBy(() -> new Adam(List.of(w)).betas(0.9, 1.0)).hasMessageContaining("beta2");
        assertThatThrownBy(() -> new SGD(List.of(w, w), 0.1)).hasMessageContaining("more than one place");
        SGD sgd = new SGD(List.of(w), 0.1);
        assertThatThrownBy(() -> sgd.addParamGroup(new ParamGroup(List.of(w))))
                .hasMessageContaining("more than one place");
        SGD nesterov = new SGD(List.of(w), 0.1).nesterov(true);
        w.value().accumulateGrad(Tensor.of(1f));
        assertThatThrownBy(nesterov::step).hasMessageContaining("Nesterov");
    }

    @Test
    void theDefaultsAreTorchs() {
        List<Parameter> ps = List.of(new Parameter(Tensor.of(1f)));
        assertThat(new Adam(ps).learningRate()).isEqualTo(1e-3);
        assertThat(new AdamW(ps).weightDecay()).isEqualTo(1e-2);
        assertThat(new Adamax(ps).learningRate()).isEqualTo(2e-3);
        assertThat(new NAdam(ps).learningRate()).isEqualTo(2e-3);
        assertThat(new Adadelta(ps).learningRate()).isEqualTo(1.0);
        assertThat(new Adagrad(ps).learningRate()).isEqualTo(1e-2);
        assertThat(new RMSprop(ps).learningRate()).isEqualTo(1e-2);
        assertThat(new Adam(ps).weightDecay()).isZero();
    }
}
