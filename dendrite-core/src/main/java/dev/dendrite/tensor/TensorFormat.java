package dev.dendrite.tensor;

import java.util.Locale;

/**
 * Printing a tensor as PyTorch does: nested brackets with one row per line, values right-aligned
 * to one width with four decimals (scientific notation when magnitudes span too much for that),
 * abridged to the first and last three entries of each long dimension when the tensor has more
 * than {@value #THRESHOLD} elements, then the shape and the autodiff state:
 *
 * <pre>
 * tensor([[ 1.0000, -2.5000],
 *         [ 3.0000,  4.0000]], shape=[2, 2], requiresGrad=true)
 * </pre>
 */
final class TensorFormat {

    /** Tensors with more elements than this are abridged (PyTorch's default threshold). */
    static final int THRESHOLD = 1000;
    /** Entries kept at each end of a dimension when abridging. */
    static final int EDGE_ITEMS = 3;
    /** Rows of the last dimension are wrapped to about this many characters. */
    static final int LINE_WIDTH = 80;

    private static final String PREFIX = "tensor(";
    /** Marks an elided stretch in a list of shown indices. */
    private static final int ELLIPSIS = -1;

    private TensorFormat() {
    }

    static String format(Tensor t) {
        StringBuilder out = new StringBuilder(PREFIX);
        if (t.size() == 0) {
            out.append("[]");
        } else {
            int[][] shown = shownIndices(t.shape(), t.size() > THRESHOLD);
            ValueStyle style = ValueStyle.of(t, shown);
            if (t.rank() == 0) {
                out.append(style.text(t.data[0]));
            } else {
                appendLevel(out, t, shown, style, 0, 0);
            }
        }
        if (t.rank() > 0) {
            out.append(", shape=").append(t.shape());
        }
        if (t.gradFn() != null) {
            out.append(", gradFn=").append(t.gradFn().op());
        } else if (t.requiresGrad()) {
            out.append(", requiresGrad=true");
        }
        return out.append(')').toString();
    }

    /** Per axis, the indices to print: all of them, or the edges around an {@link #ELLIPSIS}. */
    private static int[][] shownIndices(Shape shape, boolean summarize) {
        int[][] shown = new int[shape.rank()][];
        for (int axis = 0; axis < shown.length; axis++) {
            int dim = shape.dim(axis);
            if (summarize && dim > 2 * EDGE_ITEMS) {
                shown[axis] = new int[2 * EDGE_ITEMS + 1];
                for (int i = 0; i < EDGE_ITEMS; i++) {
                    shown[axis][i] = i;
                    shown[axis][EDGE_ITEMS + 1 + i] = dim - EDGE_ITEMS + i;
                }
                shown[axis][EDGE_ITEMS] = ELLIPSIS;
            } else {
                shown[axis] = java.util.stream.IntStream.range(0, dim).toArray();
            }
        }
        return shown;
    }

    /** Appends the bracketed block of axis {@code axis} starting at flat position {@code offset}. */
    private static void appendLevel(StringBuilder out, Tensor t, int[][] shown, ValueStyle style, int axis, int offset) {
        int rank = t.rank();
        int stride = t.shape().sizeOf(axis + 1, rank);
        String indent = " ".repeat(PREFIX.length() + axis + 1);
        out.append('[');
        if (axis == rank - 1) {
            int perLine = Math.max(1, (LINE_WIDTH - indent.length()) / (style.width() + 2));
            int[] indices = shown[axis];
            for (int k = 0; k < indices.length; k++) {
                if (k > 0) {
                    out.append(k % perLine == 0 ? ",\n" + indent : ", ");
                }
                out.append(indices[k] == ELLIPSIS ? "..." : style.padded(t.data[offset + indices[k]]));
            }
        } else {
            String separator = "," + "\n".repeat(rank - axis - 1) + indent;
            int[] indices = shown[axis];
            for (int k = 0; k < indices.length; k++) {
                if (k > 0) {
                    out.append(separator);
                }
                if (indices[k] == ELLIPSIS) {
                    out.append("...");
                } else {
                    appendLevel(out, t, shown, style, axis + 1, offset + indices[k] * stride);
                }
            }
        }
        out.append(']');
    }

    /** How values print: fixed with four decimals or scientific, right-aligned to a common width. */
    private record ValueStyle(boolean scientific, int width) {

        /** The style for the values of {@code t} that will be shown. */
        static ValueStyle of(Tensor t, int[][] shown) {
            float[] range = {Float.POSITIVE_INFINITY, 0f};
            visit(t, shown, 0, 0, value -> {
                float magnitude = Math.abs(value);
                if (magnitude != 0f && Float.isFinite(magnitude)) {
                    range[0] = Math.min(range[0], magnitude);
                    range[1] = Math.max(range[1], magnitude);
                }
            });
            // PyTorch's rule: four decimals cannot show a span of more than 1000x, tiny or huge values.
            boolean scientific = range[1] > 0f
                    && (range[1] / range[0] > 1000f || range[1] > 1e8f || range[0] < 1e-4f);
            ValueStyle unpadded = new ValueStyle(scientific, 0);
            int[] width = {0};
            visit(t, shown, 0, 0, value -> width[0] = Math.max(width[0], unpadded.text(value).length()));
            return new ValueStyle(scientific, width[0]);
        }

        String text(float value) {
            if (Float.isNaN(value)) {
                return "nan";
            }
            if (Float.isInfinite(value)) {
                return value > 0 ? "inf" : "-inf";
            }
            return String.format(Locale.ROOT, scientific ? "%.4e" : "%.4f", value);
        }

        String padded(float value) {
            String text = text(value);
            return " ".repeat(Math.max(0, width - text.length())) + text;
        }

        private static void visit(Tensor t, int[][] shown, int axis, int offset, FloatConsumer action) {
            if (axis == t.rank()) {
                action.accept(t.data[offset]);
                return;
            }
            int stride = t.shape().sizeOf(axis + 1, t.rank());
            for (int index : shown[axis]) {
                if (index != ELLIPSIS) {
                    visit(t, shown, axis + 1, offset + index * stride, action);
                }
            }
        }
    }

    @FunctionalInterface
    private interface FloatConsumer {
        void accept(float value);
    }
}
