package dev.dendrite.loss;

import static dev.dendrite.autograd.GradAssert.assertGradients;

import dev.dendrite.tensor.Tensor;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every loss, with each reduction and option, against finite differences (prediction and, where differentiable, target). */
class LossGradientTest {

    private static final int[] SHAPE = {3, 4};
    private static final int CLASSES = 5;
    private static final Tensor CLASS_WEIGHT = Tensor.of(0.5f, 2f, 1f, 1.5f, 0.25f);

    /** A loss, how to make its inputs, and whether the target is differentiated too. */
    record Case(String name, Supplier<Loss> loss, Supplier<Tensor[]> inputs, boolean targetGrad) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        Stream.Builder<Case> cases = Stream.builder();
        for (Reduction r : Reduction.values()) {
            cases.add(new Case("MSELoss " + r, () -> new MSELoss().reduction(r), () -> regression(0f), true));
            cases.add(new Case("L1Loss " + r, () -> new L1Loss().reduction(r), () -> regression(0f), true));
            cases.add(new Case("HuberLoss " + r, () -> new HuberLoss().reduction(r), () -> regression(1f), true));
            cases.add(new Case("HuberLoss(0.5) " + r, () -> new HuberLoss(0.5f).reduction(r), () -> regression(0.5f), true));
            cases.add(new Case("SmoothL1Loss " + r, () -> new SmoothL1Loss().reduction(r), () -> regression(1f), true));
            cases.add(new Case("SmoothL1Loss(0.3) " + r, () -> new SmoothL1Loss(0.3f).reduction(r),
                    () -> regression(0.3f), true));
            cases.add(new Case("BCELoss " + r, () -> new BCELoss().reduction(r), LossGradientTest::probabilities, true));
            cases.add(new Case("BCELoss weight " + r, () -> new BCELoss().weight(Tensor.of(1f, 2f, 0.5f, 3f))
                    .reduction(r), LossGradientTest::probabilities, true));
            cases.add(new Case("BCEWithLogitsLoss " + r, () -> new BCEWithLogitsLoss().reduction(r),
                    LossGradientTest::logits, true));
            cases.add(new Case("BCEWithLogitsLoss weights " + r, () -> new BCEWithLogitsLoss()
                    .posWeight(Tensor.of(3f, 0.5f, 1f, 2f)).weight(Tensor.of(new float[] {2f, 1f, 0.5f}, 3, 1))
                    .reduction(r), LossGradientTest::logits, true));
            cases.add(new Case("CrossEntropyLoss " + r, () -> new CrossEntropyLoss().reduction(r),
                    () -> classIndices(false), false));
            cases.add(new Case("CrossEntropyLoss all options " + r, () -> new CrossEntropyLoss().weight(CLASS_WEIGHT)
                    .labelSmoothing(0.2f).reduction(r), () -> classIndices(true), false));
            cases.add(new Case("CrossEntropyLoss probabilities " + r, () -> new CrossEntropyLoss().reduction(r),
                    LossGradientTest::classProbabilities, true));
            cases.add(new Case("CrossEntropyLoss probabilities all options " + r, () -> new CrossEntropyLoss()
                    .weight(CLASS_WEIGHT).labelSmoothing(0.3f).reduction(r), LossGradientTest::classProbabilities, true));
            cases.add(new Case("CrossEntropyLoss one example " + r, () -> new CrossEntropyLoss().labelSmoothing(0.1f)
                    .reduction(r), () -> new Tensor[] {Tensor.of(0.3f, -1.2f, 2f), Tensor.scalar(1f)}, false));
            cases.add(new Case("NLLLoss " + r, () -> new NLLLoss().weight(CLASS_WEIGHT).reduction(r),
                    () -> classIndices(true), false));
        }
        return cases.build().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsMatchFiniteDifferences(Case c) {
        Tensor[] inputs = c.inputs().get();
        Loss loss = c.loss().get();
        inputs[0].requiresGrad(true);
        inputs[1].requiresGrad(c.targetGrad());
        assertGradients(in -> loss.apply(in[0], in[1]), inputs);
    }

    private static RandomGenerator random() {
        return Tensor.generator(11);
    }

    /** Prediction and target whose differences keep clear of 0 and of {@code kink} (the quadratic-to-linear switch). */
    private static Tensor[] regression(float kink) {
        RandomGenerator random = random();
        Tensor prediction = Tensor.randn(random, SHAPE);
        float[] diff = Tensor.uniform(random, -2.5f, 2.5f, SHAPE).data();
        for (int i = 0; i < diff.length; i++) {
            float magnitude = Math.abs(diff[i]);
            if (magnitude < 0.1f) {
                magnitude = 0.1f;
            } else if (kink > 0 && Math.abs(magnitude - kink) < 0.1f) {
                magnitude = magnitude < kink ? kink - 0.1f : kink + 0.1f;
            }
            diff[i] = Math.copySign(magnitude, diff[i]);
        }
        return new Tensor[] {prediction, prediction.sub(Tensor.of(diff, SHAPE)).detach()};
    }

    private static Tensor[] probabilities() {
        RandomGenerator random = random();
        return new Tensor[] {Tensor.uniform(random, 0.1f, 0.9f, SHAPE), Tensor.uniform(random, 0f, 1f, SHAPE)};
    }

    private static Tensor[] logits() {
        RandomGenerator random = random();
        return new Tensor[] {Tensor.normal(random, 0f, 3f, SHAPE), Tensor.uniform(random, 0f, 1f, SHAPE)};
    }

    /** Logits [4, 5] and class indices, with an ignored (-100) target when asked. */
    private static Tensor[] classIndices(boolean withIgnored) {
        Tensor logits = Tensor.normal(random(), 0f, 2f, 4, CLASSES);
        return new Tensor[] {logits, Tensor.of(3f, withIgnored ? -100f : 0f, 4f, 1f)};
    }

    private static Tensor[] classProbabilities() {
        RandomGenerator random = random();
        Tensor logits = Tensor.normal(random, 0f, 2f, 4, CLASSES);
        return new Tensor[] {logits, Tensor.randn(random, 4, CLASSES).softmax(1).detach()};
    }
}
