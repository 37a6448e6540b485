package dev.dendrite.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dendrite.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ModuleTest {

    @Test
    void parametersAreNamedAfterTheModuleTree() {
        var model = new Sequential(new Linear(4, 3), new Identity(), new Linear(3, 2, false));
        assertThat(model.namedParameters().keySet()).containsExactly("0.weight", "0.bias", "2.weight");
        assertThat(model.parameterCount()).isEqualTo(4 * 3 + 3 + 3 * 2);
        assertThat(model.parameters()).allMatch(p -> p.value().requiresGrad());
        assertThat(model.get(2)).isInstanceOf(Linear.class);
        assertThat(model.toString()).contains("(0): Linear(in=4, out=3)").contains("(2): Linear(in=3, out=2, bias=false)");
    }

    @Test
    void trainAndEvalReachEveryDescendant() {
        var inner = new Sequential(new Dropout(0.5));
        var model = new Sequential(new Linear(2, 2), inner);
        model.eval();
        assertThat(model.modules()).allMatch(m -> !m.isTraining());
        model.train();
        assertThat(inner.get(0).isTraining()).isTrue();
    }

    @Test
    void zeroGradClearsEveryParameter() {
        var model = new Sequential(new Linear(3, 2), new Linear(2, 1));
        model.forward(Tensor.ones(5, 3)).sum().backward();
        assertThat(model.parameters()).allMatch(p -> p.grad() != null);
        model.zeroGrad();
        assertThat(model.parameters()).allMatch(p -> p.grad() == null);
    }

    @Test
    void duplicateOrDottedNamesAreRejected() {
        class Twice extends Module {
            Twice() {
                registerParameter("w", Tensor.zeros(1));
                registerParameter("w", Tensor.zeros(1));
            }

            @Override
            public Tensor forward(Tensor input) {
                return input;
            }
        }
        assertThatThrownBy(Twice::new).hasMessageContaining("already has a member named 'w'");
    }

    @Test
    void resetParametersFromTheSameSeedGivesTheSameNetwork() {
        var a = new Sequential(new Linear(5, 4), new Linear(4, 3));
        var b = new Sequential(new Linear(5, 4), new Linear(4, 3));
        assertThat(a.parameters().get(0).value().toArray()).isNotEqualTo(b.parameters().get(0).value().toArray());
        a.resetParameters(Tensor.generator(9));
        b.resetParameters(Tensor.generator(9));
        for (int i = 0; i < a.parameters().size(); i++) {
            assertThat(a.parameters().get(i).value().toArray()).isEqualTo(b.parameters().get(i).value().toArray());
        }
    }

    @Test
    void seedsMakeConstructionRepeatable() {
        Seeds.manualSeed(123);
        float[] first = new Linear(6, 6).weight().value().toArray();
        Seeds.manualSeed(123);
        float[] second = new Linear(6, 6).weight().value().toArray();
        assertThat(first).isEqualTo(second);
    }
}
