package dev.dendrite.loss;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dendrite.tensor.ShapeMismatchException;
import dev.dendrite.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wrong shapes, targets and options fail early with a message naming the loss and what is wrong. */
class LossErrorsTest {

    @Test
    void elementwiseLossesRequireEqualShapes() {
        Tensor prediction = Tensor.zeros(32, 1);
        Tensor target = Tensor.zeros(32);
        List<Loss> losses = List.of(new MSELoss(), new L1Loss(), new HuberLoss(), new SmoothL1Loss(), new BCELoss(),
                new BCEWithLogitsLoss());
        for (Loss loss : losses) {
            String name = loss.getClass().getSimpleName();
            assertThatThrownBy(() -> loss.apply(prediction, target))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessage(name + ": prediction [32, 1] and target [32] must have the same shape");
        }
    }

    @Test
    void crossEntropyRejectsTargetsOfTheWrongShape() {
        for (Tensor target : new Tensor[] {Tensor.zeros(3), Tensor.zeros(4, 1), Tensor.zeros(4, 6)}) {
            assertThatThrownBy(() -> new CrossEntropyLoss().apply(Tensor.zeros(4, 5), target))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageStartingWith("CrossEntropyLoss: prediction [4, 5] and target " + target.shape()
                            + " do not fit: expected logits [batch, classes] with target [batch]");
        }
        assertThatThrownBy(() -> new CrossEntropyLoss().apply(Tensor.zeros(2, 3, 4), Tensor.zeros(2, 4)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("prediction [2, 3, 4]");
        assertThatThrownBy(() -> new CrossEntropyLoss().apply(Tensor.zeros(4, 0), Tensor.zeros(4)))
                .isInstanceOf(ShapeMismatchException.class).hasMessage("CrossEntropyLoss: prediction [4, 0] has no classes");
        assertThatThrownBy(() -> new NLLLoss().apply(Tensor.zeros(4, 5), Tensor.zeros(4, 5)))
                .isInstanceOf(ShapeMismatchException.class).hasMessageStartingWith("NLLLoss: prediction [4, 5] and target [4, 5]");
    }

    @Test
    void classIndicesOutOfRangeNameTheIndexAndPosition() {
        Tensor logits = Tensor.zeros(4, 5);
        assertThatThrownBy(() -> new CrossEntropyLoss().apply(logits, Tensor.of(0f, 1f, 7f, 2f)))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("CrossEntropyLoss: target 7 at position 2 is out of range for 5 classes");
        assertThatThrownBy(() -> new CrossEntropyLoss().apply(logits, Tensor.of(0f, 1f, 2f, 5f)))
                .hasMessage("CrossEntropyLoss: target 5 at position 3 is out of range for 5 classes");
        assertThatThrownBy(() -> new CrossEntropyLoss().apply(logits, Tensor.of(-1f, 1f, 2f, 3f)))
                .hasMessage("CrossEntropyLoss: target -1 at position 0 is out of range for 5 classes");
        assertThatThrownBy(() -> new CrossEntropyLoss().apply(logits, Tensor.of(0f, 1.5f, 2f, 3f)))
                .hasMessage("CrossEntropyLoss: target 1.5 at position 1 is not a class index");
        assertThatThrownBy(() -> new NLLLoss().apply(logits, Tensor.of(0f, 1f, 2f, Float.NaN)))
                .hasMessage("NLLLoss: target NaN at position 3 is not a class index");
        // -100 is ignored by default but an error once another index is ignored.
        assertThatThrownBy(() -> new CrossEntropyLoss().ignoreIndex(2).apply(logits, Tensor.of(0f, -100f, 2f, 3f)))
                .hasMessage("CrossEntropyLoss: target -100 at position 1 is out of range for 5 classes (ignoreIndex is 2)");
    }

    @Test
    void weightsMustFitTheClassesOrThePrediction() {
        assertThatThrownBy(() -> new CrossEntropyLoss().weight(Tensor.ones(4)).apply(Tensor.zeros(2, 5), Tensor.zeros(2)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("CrossEntropyLoss: weight [4] does not match the 5 classes of prediction [2, 5]");
        assertThatThrownBy(() -> new NLLLoss().weight(Tensor.ones(2, 2)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("NLLLoss: class weights must be 1-D [classes], got [2, 2]");
        assertThatThrownBy(() -> new BCELoss().weight(Tensor.ones(4)).apply(Tensor.zeros(2, 3), Tensor.zeros(2, 3)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("BCELoss: weight [4] does not broadcast to prediction [2, 3]");
        assertThatThrownBy(() -> new BCEWithLogitsLoss().weight(Tensor.ones(2, 2, 3))
                .apply(Tensor.zeros(2, 3), Tensor.zeros(2, 3)))
                .hasMessage("BCEWithLogitsLoss: weight [2, 2, 3] does not broadcast to prediction [2, 3]");
        assertThatThrownBy(() -> new BCEWithLogitsLoss().posWeight(Tensor.ones(2))
                .apply(Tensor.zeros(2, 3), Tensor.zeros(2, 3)))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("BCEWithLogitsLoss: posWeight [2] does not match the last axis of prediction [2, 3]");
    }

    @Test
    void badOptionsAndInputsAreRejected() {
        assertThatThrownBy(() -> new CrossEntropyLoss().labelSmoothing(1.5f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CrossEntropyLoss: label smoothing must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new CrossEntropyLoss().labelSmoothing(Float.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HuberLoss(0f)).hasMessage("HuberLoss: delta must be positive and finite, got 0.0");
        assertThatThrownBy(() -> new SmoothL1Loss(-1f))
                .hasMessage("SmoothL1Loss: beta must be non-negative and finite, got -1.0");
        assertThatThrownBy(() -> new MSELoss().reduction(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("reduction must not be null");
        assertThatThrownBy(() -> new BCELoss().apply(Tensor.of(0.5f, 1.2f), Tensor.of(1f, 0f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BCELoss: prediction 1.2 at flat position 1 is not a probability in [0, 1]; "
                        + "for logits use BCEWithLogitsLoss");
        assertThatThrownBy(() -> new CrossEntropyLoss().ignoreIndex(0).apply(Tensor.zeros(2, 3), Tensor.zeros(2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CrossEntropyLoss: ignoreIndex 0 applies to class-index targets only, the target [2, 3] "
                        + "holds probabilities");
    }
}
