package dev.dendrite.autograd;

import dev.dendrite.tensor.Tensor;
import java.util.List;

/**
 * One recorded op application in the autodiff graph: the op's name, its inputs and the closure that
 * pushes the output's gradient back to them. A tensor made by an op that needs gradients carries
 * its node; {@link Backprop} walks the nodes in reverse topological order.
 */
public final class Node {

    private final String op;
    private Tensor[] inputs;
    private Backward backward;

    /** A node for op {@code op} applied to {@code inputs}, with its backward rule. */
    public Node(String op, Backward backward, Tensor... inputs) {
        this.op = op;
        this.backward = backward;
        this.inputs = inputs;
    }

    /** The op's name, as error messages and graph printouts show it. */
    public String op() {
        return op;
    }

    /** The op's inputs (empty once the node is released). */
    public List<Tensor> inputs() {
        return inputs == null ? List.of() : List.of(inputs);
    }

    /** Whether backward already ran through this node and dropped what it held. */
    public boolean isReleased() {
        return backward == null;
    }

    void runBackward(Tensor gradOutput) {
        if (backward == null) {
            throw new IllegalStateException("backward through '" + op
                    + "' a second time: the graph is released after backward(); recompute the forward pass");
        }
        backward.apply(gradOutput);
    }

    /** Drops the inputs and the closure (and with them the saved tensors) so their memory can be reclaimed. */
    void release() {
        inputs = null;
        backward = null;
    }
}
