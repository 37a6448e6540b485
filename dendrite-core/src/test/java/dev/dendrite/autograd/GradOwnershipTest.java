package dev.dendrite.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dendrite.tensor.Fused;
import dev.dendrite.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A gradient that {@link Tensor#accumulateGrad} keeps without copying must belong to one tensor only:
 * no two gradients, and no gradient and a tensor the caller holds, may share an array, or a later
 * accumulation would change both.
 */
class GradOwnershipTest {

    @Test
    void aFreshGradientHandedToTwoInputsIsKeptByOneAndCopiedForTheOther() {
        Tensor a = Tensor.of(1f, 2f).requiresGrad(true);
        Tensor b = Tensor.of(3f, 4f).requiresGrad(true);
        Tensor both = Fused.op("both", new float[] {4f, 6f}, a.shape(), g -> {
            Tensor same = Fused.gradient(g.toArray(), 2);
            a.accumulateGrad(same);
            b.accumulateGrad(same);
        }, a, b);
        both.sum().backward();
        assertThat(a.grad().toArray()).containsExactly(1f, 1f);
        assertThat(b.grad().toArray()).containsExactly(1f, 1f);
        assertThat(a.grad().data()).isNotSameAs(b.grad().data());
        a.grad().data()[0] = 100f;
        assertThat(b.grad().toArray()).containsExactly(1f, 1f);
    }

    @Test
    void aPassThroughGradientIsCopiedForEachInputOfAnAdd() {
        Tensor a = Tensor.of(1f, 2f, 3f).requiresGrad(true);
        Tensor b = Tensor.of(4f, 5f, 6f).requiresGrad(true);
        a.add(b).mul(Tensor.of(1f, 2f, 3f)).sum().backward();
        assertThat(a.grad().data()).isNotSameAs(b.grad().data());
        // A second pass adds into each gradient in place: a shared array would count it twice.
        a.add(b).mul(Tensor.of(1f, 2f, 3f)).sum().backward();
        assertThat(a.grad().toArray()).containsExactly(2f, 4f, 6f);
        assertThat(b.grad().toArray()).containsExactly(2f, 4f, 6f);
    }

    @Test
    void anInputUsedTwiceGetsBothContributions() {
        Tensor x = Tensor.of(1f, -2f, 3f).requiresGrad(true);
        x.add(x).sum().backward();
        assertThat(x.grad().toArray()).containsExactly(2f, 2f, 2f);
        x.zeroGrad();
        x.mul(x).sum().backward();
        assertThat(x.grad().toArray()).containsExactly(2f, -4f, 6f);
        x.zeroGrad();
        x.sub(x).mul(Tensor.of(5f, 6f, 7f)).sum().backward();
        assertThat(x.grad().toArray()).containsExactly(0f, 0f, 0f);
    }

    @Test
    void broadcastAddGivesEachOperandItsOwnGradient() {
        Tensor rows = Tensor.of(new float[][] {{1f, 2f}, {3f, 4f}}).requiresGrad(true);
        Tensor bias = Tensor.of(10f, 20f).requiresGrad(true);
        for (int pass = 0; pass < 2; pass++) {
            rows.add(bias).mul(Tensor.of(new float[][] {{1f, 2f}, {3f, 4f}})).sum().backward();
        }
        assertThat(rows.grad().toArray()).containsExactly(2f, 4f, 6f, 8f);
        assertThat(bias.grad().toArray()).containsExactly(8f, 12f);
    }

    @Test
    void gradientsKeptFromOnePassAreNotChangedThroughTheNextGraph() {
        Tensor w = Tensor.of(1f, 2f).requiresGrad(true);
        Tensor v = Tensor.of(3f, 4f).requiresGrad(true);
        // Pass 1: w's gradient is kept from a fresh relu gradient.
        w.relu().mul(Tensor.of(2f, 3f)).sum().backward();
        float[] wFirst = w.grad().toArray();
        // Pass 2: v's first gradient comes from the same kind of rule; w accumulates in place.
        w.relu().add(v.relu()).mul(Tensor.of(5f, 7f)).sum().backward();
        assertThat(wFirst).containsExactly(2f, 3f);
        assertThat(w.grad().toArray()).containsExactly(7f, 10f);
        assertThat(v.grad().toArray()).containsExactly(5f, 7f);
        assertThat(w.grad().data()).isNotSameAs(v.grad().data());
    }

    @Test
    void theSeedOfBackwardIsNeverTakenOver() {
        Tensor x = Tensor.of(1f, 2f).requiresGrad(true);
        Tensor seed = Tensor.of(1f, 1f);
        x.backward(seed);
        x.backward(seed);
        assertThat(seed.toArray()).containsExactly(1f, 1f);
        assertThat(x.grad().toArray()).containsExactly(2f, 2f);
        Tensor y = x.mul(2f);
        y.backward(seed);
        assertThat(seed.toArray()).containsExactly(1f, 1f);
    }

    @Test
    void aGradientPassedThroughAViewIsCopied() {
        Tensor x = Tensor.of(1f, 2f, 3f, 4f).requiresGrad(true);
        Tensor y = Tensor.of(5f, 6f, 7f, 8f).requiresGrad(true);
        // reshape's backward hands on a view of the upstream gradient; the sum's, the same array.
        x.reshape(2, 2).add(y.reshape(2, 2)).sum().backward();
        assertThat(x.grad().data()).isNotSameAs(y.grad().data());
        x.reshape(2, 2).add(y.reshape(2, 2)).sum().backward();
        assertThat(x.grad().toArray()).containsExactly(2f, 2f, 2f, 2f);
        assertThat(y.grad().toArray()).containsExactly(2f, 2f, 2f, 2f);
    }
}
