package dev.dendrite.cli;

/** An option value that cannot work (a negative rate, an unknown optimizer): a usage error, exit code 2. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
