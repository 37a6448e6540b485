package dev.dendrite.optim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.dendrite.nn.Parameter;
import dev.dendrite.optim.Optimizer;
import dev.dendrite.optim.ParamGroup;
import dev.dendrite.optim.SGD;
import dev.dendrite.optim.TorchReference;
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

/** Learning-rate sequences against torch.optim.lr_scheduler, and schedule state dicts. */
class LRSchedulerTest {

    private static SGD optimizer() {
        return new SGD(List.of(new Parameter(Tensor.zeros(1))), 0.1);
    }

    static Stream<Arguments> schedules() {
        return Stream.of(
                s("StepLR", o -> new StepLR(o, 3, 0.5), TorchReference.STEP_LR),
                s("MultiStepLR", o -> new MultiStepLR(o, new int[] {2, 5, 9}, 0.1), TorchReference.MULTI_STEP_LR),
                s("ExponentialLR", o -> new ExponentialLR(o, 0.9), TorchReference.EXPONENTIAL_LR),
                s("CosineAnnealingLR past tMax", o -> new CosineAnnealingLR(o, 10, 0.001), TorchReference.COSINE_LR),
                s("LinearWarmup", o -> new LinearWarmup(o, 0.1, 5), TorchReference.LINEAR_WARMUP),
                s("LinearWarmup then cosine", o -> new LinearWarmup(o, 0.1, 5, new CosineAnnealingLR(o, 10, 0.001)),
                        TorchReference.WARMUP_COSINE),
                s("OneCycleLR", o -> new OneCycleLR(o, 0.1, 20), TorchReference.ONE_CYCLE),
                s("OneCycleLR linear", o -> new OneCycleLR(o, 0.5, 12, 0.25, OneCycleLR.Anneal.LINEAR, 10, 100),
                        TorchReference.ONE_CYCLE_LINEAR));
    }

    private static Arguments s(String name, Function<Optimizer, LRScheduler> factory, double[] expected) {
        return Arguments.of(name, factory, expected);
    }

    private static void assertLr(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void ratesMatchPyTorch(String name, Function<Optimizer, LRScheduler> factory, double[] expected) {
        SGD sgd = optimizer();
        LRScheduler schedule = factory.apply(sgd);
        for (int epoch = 0; epoch < expected.length; epoch++) {
            if (epoch > 0) {
                sgd.step();
                schedule.step();
            }
            assertLr(schedule.lastLearningRate(), expected[epoch], name + " at epoch " + epoch);
            assertLr(sgd.learningRate(), expected[epoch], name + " (optimizer) at epoch " + epoch);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void aRestoredScheduleContinuesIdentically(String name, Function<Optimizer, LRScheduler> factory,
                                                double[] expected) {
        SGD straightOptimizer = optimizer();
        LRScheduler straight = factory.apply(straightOptimizer);
        SGD firstOptimizer = optimizer();
        LRScheduler first = factory.apply(firstOptimizer);
        int half = expected.length / 2;
        for (int i = 0; i < half; i++) {
            straight.step();
            first.step();
        }
        Map<String, Tensor> optimizerState = firstOptimizer.stateDict();
        Map<String, Tensor> scheduleState = first.stateDict();
        SGD secondOptimizer = optimizer();
        LRScheduler second = factory.apply(secondOptimizer);
        secondOptimizer.loadStateDict(optimizerState);
        second.loadStateDict(scheduleState);
        assertThat(second.lastLearningRate()).isEqualTo(straight.lastLearningRate());
        for (int i = half; i < expected.length - 1; i++) {
            straight.step();
            second.step();
            assertThat(secondOptimizer.learningRate()).as("%s step %d", name, i + 1)
                    .isEqualTo(straightOptimizer.learningRate());
        }
    }

    @Test
    void everyGroupFollowsTheScheduleFromItsOwnBase() {
        SGD sgd = optimizer();
        sgd.addParamGroup(new ParamGroup(List.of(new Parameter(Tensor.zeros(1)))).lr(0.01));
        CosineAnnealingLR cosine = new CosineAnnealingLR(sgd, 10, 0.001);
        for (int epoch = 1; epoch <= 10; epoch++) {
            cosine.step();
            double annealed = (1 + Math.cos(Math.PI * epoch / 10)) / 2;
            assertLr(cosine.lastLearningRates()[0], 0.001 + (0.1 - 0.001) * annealed, "group 0");
            assertLr(cosine.lastLearningRates()[1], 0.001 + (0.01 - 0.001) * annealed, "group 1");
            assertLr(sgd.paramGroups().get(1).lr(), cosine.lastLearningRates()[1], "group 1 of the optimizer");
        }
    }

    @Test
    void closedFormsAgreeWithTheRecurrences() {
        SGD sgd = optimizer();
        StepLR step = new StepLR(sgd, 4, 0.3);
        for (int epoch = 1; epoch < 15; epoch++) {
            step.step();
            assertLr(step.lastLearningRate(), step.closedFormLr(0.1, epoch), "epoch " + epoch);
        }
    }

    @Test
    void oneCycleRefusesToStepPastItsEnd() {
        SGD sgd = optimizer();
        OneCycleLR schedule = new OneCycleLR(sgd, 0.1, 3);
        schedule.step();
        schedule.step();
        schedule.step();
        assertThatThrownBy(schedule::step).hasMessageContaining("totalSteps 3");
    }

    @Test
    void plateauInMinModeMatchesPyTorch() {
        SGD sgd = optimizer();
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(sgd).factor(0.5).patience(2).cooldown(1).minLr(0.02);
        checkPlateau(sgd, plateau, TorchReference.PLATEAU_MIN_METRICS, TorchReference.PLATEAU_MIN);
    }

    @Test
    void plateauInMaxModeWithAnAbsoluteThresholdMatchesPyTorch() {
        SGD sgd = optimizer();
        ReduceLROnPlateau plateau = new ReduceLROnPlateau(sgd).mode(ReduceLROnPlateau.Mode.MAX).patience(1)
                .threshold(0.01, ReduceLROnPlateau.ThresholdMode.ABS);
        checkPlateau(sgd, plateau, TorchReference.PLATEAU_MAX_METRICS, TorchReference.PLATEAU_MAX);
    }

    private static void checkPlateau(SGD sgd, ReduceLROnPlateau plateau, double[] metrics, double[] expected) {
        assertLr(plateau.lastLearningRate(), expected[0], "before the first epoch");
        for (int i = 0; i < metrics.length; i++) {
            plateau.step(metrics[i]);
            assertLr(sgd.learningRate(), expected[i + 1], "after epoch " + (i + 1));
            assertLr(plateau.lastLearningRate(), expected[i + 1], "last rate after epoch " + (i + 1));
        }
    }

    @Test
    void plateauStateRoundTrips() {
        SGD straightOptimizer = optimizer();
        ReduceLROnPlateau straight = new ReduceLROnPlateau(straightOptimizer).factor(0.5).patience(2).cooldown(1);
        SGD firstOptimizer = optimizer();
        ReduceLROnPlateau first = new ReduceLROnPlateau(firstOptimizer).factor(0.5).patience(2).cooldown(1);
        double[] metrics = TorchReference.PLATEAU_MIN_METRICS;
        for (int i = 0; i < 6; i++) {
            straight.step(metrics[i]);
            first.step(metrics[i]);
        }
        SGD secondOptimizer = optimizer();
        ReduceLROnPlateau second = new ReduceLROnPlateau(secondOptimizer).factor(0.5).patience(2).cooldown(1);
        secondOptimizer.loadStateDict(firstOptimizer.stateDict());
        second.loadStateDict(first.stateDict());
        assertThat(second.best()).isEqualTo(straight.best());
        for (int i = 6; i < metrics.length; i++) {
            straight.step(metrics[i]);
            second.step(metrics[i]);
            assertThat(secondOptimizer.learningRate()).isEqualTo(straightOptimizer.learningRate());
            assertThat(second.numBadEpochs()).isEqualTo(straight.numBadEpochs());
        }
    }

    @Test
    void plateauWithoutAMetricSaysWhatItNeeds() {
        assertThatThrownBy(() -> new ReduceLROnPlateau(optimizer()).step()).hasMessageContaining("step(metric)");
    }

    @Test
    void aMetricIsIgnoredBySchedulesThatDoNotWatchOne() {
        SGD sgd = optimizer();
        LRScheduler schedule = new StepLR(sgd, 1, 0.5);
        schedule.step(123.0);
        assertThat(sgd.learningRate()).isEqualTo(0.05);
    }

    @Test
    void badScheduleStateIsNamed() {
        SGD sgd = optimizer();
        StepLR step = new StepLR(sgd, 3);
        Map<String, Tensor> dict = new HashMap<>(step.stateDict());
        dict.put("gamma", Tensor.of(0.5f));
        assertThatThrownBy(() -> new StepLR(optimizer(), 3).loadStateDict(dict)).hasMessageContaining("gamma");
        dict.remove("gamma");
        dict.remove("last_epoch");
        assertThatThrownBy(() -> new StepLR(optimizer(), 3).loadStateDict(dict)).hasMessageContaining("'last_epoch'");
        Map<String, Tensor> oneCycle = new OneCycleLR(optimizer(), 0.1, 10).stateDict();
        assertThatThrownBy(() -> new OneCycleLR(optimizer(), 0.1, 20).loadStateDict(oneCycle))
                .hasMessageContaining("total_steps");
    }

    @Test
    void addingAGroupAfterTheScheduleIsMadeIsReported() {
        SGD sgd = optimizer();
        ExponentialLR schedule = new ExponentialLR(sgd, 0.9);
        sgd.addParamGroup(new ParamGroup(List.of(new Parameter(Tensor.zeros(1)))));
        assertThatThrownBy(schedule::step).hasMessageContaining("1 parameter group(s), the optimizer now has 2");
    }
}
