package dev.dendrite.autograd;

/** Whether ops on the current thread record the graph for backprop (on, unless inside a {@link NoGrad} scope). */
public final class GradMode {

    private static final ThreadLocal<int[]> DISABLED_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private GradMode() {
    }

    /** True when ops on this thread record their backward rules. */
    public static boolean isEnabled() {
        return DISABLED_DEPTH.get()[0] == 0;
    }

    static void disable() {
        DISABLED_DEPTH.get()[0]++;
    }

    static void restore() {
        DISABLED_DEPTH.get()[0]--;
    }
}
