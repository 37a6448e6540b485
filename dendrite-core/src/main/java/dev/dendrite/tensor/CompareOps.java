package dev.dendrite.tensor;

import dev.dendrite.kernel.CompareKernels;

/** Comparisons giving 0/1 masks, and where(condition, a, b). */
final class CompareOps {

    private CompareOps() {
    }

    /** The comparison a mask tests. */
    enum Comparison { EQ, NE, GT, GE, LT, LE }

    /** 1 where {@code a comparison b} holds, else 0, broadcasting; never recorded (a mask has no gradient). */
    static Tensor compare(Tensor a, Tensor b, Comparison comparison) {
        String name = comparison.name().toLowerCase(java.util.Locale.ROOT);
        CompareKernels.Op op = CompareKernels.Op.valueOf(comparison.name());
        Shape out = Shape.broadcast(name, a.shape(), b.shape());
        float[] result = new float[out.size()];
        Broadcast.forEachRow(out, new int[][] {Broadcast.stridesIn(a.shape(), out), Broadcast.stridesIn(b.shape(), out)},
                (offsets, steps, outOffset, length) -> CompareKernels.compare(op,
                        a.data, offsets[0], steps[0], b.data, offsets[1], steps[1], result, outOffset, length));
        return new Tensor(out, result);
    }

    static Tensor where(Tensor condition, Tensor ifTrue, Tensor ifFalse) {
        Shape out;
        try {
            out = Shape.broadcast("where", Shape.broadcast("where", condition.shape(), ifTrue.shape()),
                    ifFalse.shape());
        } catch (ShapeMismatchException e) {
            throw new ShapeMismatchException("where: cannot broadcast condition " + condition.shape()
                    + ", ifTrue " + ifTrue.shape() + " and ifFalse " + ifFalse.shape());
        }
        int[] conditionStrides = Broadcast.stridesIn(condition.shape(), out);
        float[] result = new float[out.size()];
        Broadcast.forEachRow(out, new int[][] {conditionStrides, Broadcast.stridesIn(ifTrue.shape(), out),
                Broadcast.stridesIn(ifFalse.shape(), out)},
                (offsets, steps, outOffset, length) -> CompareKernels.select(condition.data, offsets[0], steps[0],
                        ifTrue.data, offsets[1], steps[1], ifFalse.data, offsets[2], steps[2],
                        result, outOffset, length));
        // The condition is not an input of the recorded op: it is a mask and gets no gradient.
        return new Tensor(out, result).record("where", g -> {
            float[] whenTrue = ifTrue.requiresGrad() ? new float[out.size()] : null;
            float[] whenFalse = ifFalse.requiresGrad() ? new float[out.size()] : null;
            Broadcast.forEachRow(out, new int[][] {conditionStrides},
                    (offsets, steps, outOffset, length) -> CompareKernels.split(condition.data, offsets[0], steps[0],
                            g.data, outOffset, whenTrue, whenFalse, length));
            if (whenTrue != null) {
                ifTrue.accumulateGrad(Broadcast.sumTo(new Tensor(out, whenTrue).fresh(), ifTrue.shape()));
            }
            if (whenFalse != null) {
                ifFalse.accumulateGrad(Broadcast.sumTo(new Tensor(out, whenFalse).fresh(), ifFalse.shape()));
            }
        }, ifTrue, ifFalse);
    }
}
