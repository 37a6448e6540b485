package dev.dendrite.io;

import java.nio.file.Path;

/**
 * A model, weights or checkpoint file that cannot be read or written: truncated, corrupt, hostile, of
 * an unknown format version, describing a layer nobody registered, or simply not there. The message
 * names the file and what is wrong with it.
 */
public final class ModelFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    /** A failure reading or writing {@code file} because of {@code problem}. */
    public ModelFileException(Path file, String problem) {
        this(file, problem, null);
    }

    /** A failure reading or writing {@code file} because of {@code problem}, caused by {@code cause}. */
    public ModelFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
