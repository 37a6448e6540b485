package dev.dendrite.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.nn.Parameter;
import dev.dendrite.tensor.Tensor;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every update rule against PyTorch: the same start weights and the same gradient at each of four steps
 * must give the weights torch.optim gave ({@link TorchReference}, made by optim_reference.py).
 */
class OptimizerReferenceTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                c("SGD", ps -> new SGD(ps, 0.1), TorchReference.SGD),
                c("SGD weight decay", ps -> new SGD(ps, 0.1).weightDecay(0.05), TorchReference.SGD_WD),
                c("SGD momentum+dampening", ps -> new SGD(ps, 0.1).momentum(0.9).dampening(0.1),
                        TorchReference.SGD_MOMENTUM),
                c("SGD Nesterov+weight decay", ps -> new SGD(ps, 0.1).momentum(0.9).nesterov(true).weightDecay(0.05),
                        TorchReference.SGD_NESTEROV),
                c("Adagrad", ps -> new Adagrad(ps, 0.1), TorchReference.ADAGRAD),
                c("Adagrad lr decay+init acc+weight decay", ps -> new Adagrad(ps, 0.1).lrDecay(0.01)
                        .initialAccumulatorValue(0.1).weightDecay(0.05), TorchReference.ADAGRAD_WD),
                c("Adadelta", Adadelta::new, TorchReference.ADADELTA),
                c("Adadelta rho+weight decay", ps -> new Adadelta(ps, 0.5).rho(0.95).weightDecay(0.05),
                        TorchReference.ADADELTA_WD),
                c("RMSprop", ps -> new RMSprop(ps, 0.01), TorchReference.RMSPROP),
                c("RMSprop alpha+weight decay", ps -> new RMSprop(ps, 0.01).alpha(0.9).weightDecay(0.05),
                        TorchReference.RMSPROP_WD),
                c("RMSprop momentum", ps -> new RMSprop(ps, 0.01).momentum(0.9), TorchReference.RMSPROP_MOMENTUM),
                c("RMSprop centered+momentum+weight decay", ps -> new RMSprop(ps, 0.01).centered(true).momentum(0.5)
                        .weightDecay(0.05), TorchReference.RMSPROP_CENTERED),
                c("Adam", ps -> new Adam(ps, 0.01), TorchReference.ADAM),
                c("Adam weight decay", ps -> new Adam(ps, 0.01).weightDecay(0.1), TorchReference.ADAM_WD),
                c("AMSGrad", ps -> new Adam(ps, 0.01).betas(0.8, 0.5).amsgrad(true), TorchReference.ADAM_AMSGRAD),
                c("AMSGrad weight decay", ps -> new Adam(ps, 0.01).betas(0.8, 0.5).amsgrad(true).weightDecay(0.1),
                        TorchReference.ADAM_AMSGRAD_WD),
                c("AdamW default decay", ps -> new AdamW(ps, 0.01), TorchReference.ADAMW),
                c("AdamW weight decay", ps -> new AdamW(ps, 0.01).weightDecay(0.5), TorchReference.ADAMW_WD),
                c("AdamW AMSGrad", ps -> new AdamW(ps, 0.01).betas(0.8, 0.5).amsgrad(true).weightDecay(0.5),
                        TorchReference.ADAMW_AMSGRAD),
                c("Adamax", Adamax::new, TorchReference.ADAMAX),
                c("Adamax betas+weight decay", ps -> new Adamax(ps, 0.01).betas(0.8, 0.9).weightDecay(0.05),
                        TorchReference.ADAMAX_WD),
                c("NAdam", NAdam::new, TorchReference.NADAM),
                c("NAdam betas+momentum decay+weight decay", ps -> new NAdam(ps, 0.01).betas(0.8, 0.9)
                        .momentumDecay(0.01).weightDecay(0.05), TorchReference.NADAM_WD));
    }

    private static Arguments c(String name, Function<List<Parameter>, Optimizer> factory, float[][] expected) {
        return Arguments.of(name, factory, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void stepsMatchPyTorch(String name, Function<List<Parameter>, Optimizer> factory, float[][] expected) {
        Parameter w = new Parameter(Tensor.of(TorchReference.W0));
        Optimizer optimizer = factory.apply(List.of(w));
        for (int step = 0; step < expected.length; step++) {
            optimizer.zeroGrad();
            w.value().accumulateGrad(Tensor.of(TorchReference.GRADS[step]));
            optimizer.step();
            float[] actual = w.value().toArray();
            for (int i = 0; i < actual.length; i++) {
                float want = expected[step][i];
                assertThat(actual[i])
                        .as("%s: step %d, element %d", name, step + 1, i)
                        .isCloseTo(want, within(1e-6f * Math.max(Math.abs(want), 1e-2f)));
            }
        }
    }
}
