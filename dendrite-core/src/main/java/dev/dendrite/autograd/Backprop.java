package dev.dendrite.autograd;

import dev.dendrite.tensor.Tensor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reverse-mode differentiation: sorts the graph below a tensor topologically and runs each node's
 * backward rule once, outputs before inputs, so every gradient is complete before it is pushed on.
 */
public final class Backprop {

    private Backprop() {
    }

    /**
     * Accumulates d(root)/d(leaf), weighted by {@code seed} (shaped like {@code root}), into the
     * {@code grad()} of every tensor below {@code root} that requires gradients. Afterwards the graph
     * is released: intermediate gradients and saved tensors are dropped, leaf gradients stay.
     */
    public static void backward(Tensor root, Tensor seed) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward() on a tensor that does not require gradients "
                    + "(no input of the computation had requiresGrad set, or it ran inside NoGrad)");
        }
        if (!seed.shape().equals(root.shape())) {
            throw new IllegalArgumentException("backward: gradient of shape " + seed.shape()
                    + " for a tensor of shape " + root.shape());
        }
        List<Tensor> order = topologicalOrder(root);
        root.accumulateGrad(seed);
        try (NoGrad noGrad = NoGrad.enter()) {
            for (Tensor tensor : order) {
                Node node = tensor.gradFn();
                Tensor grad = node == null ? null : tensor.grad();
                if (grad != null) {
                    node.runBackward(grad);
                }
            }
        }
        for (Tensor tensor : order) {
            Node node = tensor.gradFn();
            if (node != null) {
                node.release();
                tensor.zeroGrad();
            }
        }
    }

    /** Tensors that require gradients below {@code root}, root first, every tensor before its inputs. */
    private static List<Tensor> topologicalOrder(Tensor root) {
        // Iterative post-order DFS: deep graphs (long unrolled sequences) must not overflow the stack.
        List<Tensor> postOrder = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        visited.add(root);
        stack.push(new Object[] {root, 0});
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Tensor tensor = (Tensor) frame[0];
            Node node = tensor.gradFn();
            List<Tensor> inputs = node == null ? List.of() : node.inputs();
            if (node != null && node.isReleased()) {
                node.runBackward(null); // throws the "second time" error
            }
            int next = (Integer) frame[1];
            if (next < inputs.size()) {
                frame[1] = next + 1;
                Tensor input = inputs.get(next);
                if (input.requiresGrad() && visited.add(input)) {
                    stack.push(new Object[] {input, 0});
                }
            } else {
                stack.pop();
                postOrder.add(tensor);
            }
        }
        Collections.reverse(postOrder);
        return postOrder;
    }
}
