package dev.dendrite.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into the one line a user reads. */
final class Errors {

    private Errors() {
    }

    /** The message of {@code exception}, never empty; low-level exceptions are named by what went wrong. */
    static String message(Throwable exception) {
        Throwable cause = exception instanceof UncheckedIOException && exception.getCause() != null
                ? exception.getCause() : exception;
        if (cause instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file";
        }
        if (cause instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        String message = exception.getMessage();
        if (message == null || message.isBlank()) {
            return "internal error (" + exception.getClass().getSimpleName() + "); run with --verbose for the stack trace";
        }
        return message.strip().replace('\n', ' ');
    }
}
