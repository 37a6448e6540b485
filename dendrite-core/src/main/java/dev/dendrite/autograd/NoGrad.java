package dev.dendrite.autograd;

/**
 * A scope in which ops record no graph, for inference and for updates that must not be
 * differentiated: {@code try (var noGrad = NoGrad.enter()) { model.forward(x); }}. Scopes nest.
 */
public final class NoGrad implements AutoCloseable {

    private boolean closed;

    private NoGrad() {
        GradMode.disable();
    }

    /** Turns gradient recording off on this thread until the returned scope is closed. */
    public static NoGrad enter() {
        return new NoGrad();
    }

    /** Ends the scope; recording is on again unless an outer scope is still open. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            GradMode.restore();
        }
    }
}
