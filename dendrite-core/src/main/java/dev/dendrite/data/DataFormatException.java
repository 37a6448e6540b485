package dev.dendrite.data;

import java.nio.file.Path;

/**
 * A data file that cannot be read as asked: its message names the file and, where they are known,
 * the line (or record) and column, as {@code file:line:column: problem}.
 */
public class DataFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final int column;

    /** A problem with {@code file} as a whole. */
    public DataFormatException(Path file, String problem) {
        this(file, -1, -1, problem, null);
    }

    /** A problem at {@code line} (1-based; -1 if unknown) and {@code column} (1-based; -1 if unknown) of {@code file}. */
    public DataFormatException(Path file, long line, int column, String problem) {
        this(file, line, column, problem, null);
    }

    /** As {@link #DataFormatException(Path, long, int, String)}, keeping the low-level failure as the cause. */
    public DataFormatException(Path file, long line, int column, String problem, Throwable cause) {
        super(location(file, line, column) + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** The 1-based line or record number, or -1 when the problem is not on one line. */
    public long line() {
        return line;
    }

    /** The 1-based column, or -1 when the problem is not in one column. */
    public int column() {
        return column;
    }

    private static String location(Path file, long line, int column) {
        StringBuilder where = new StringBuilder(String.valueOf(file));
        if (line >= 0) {
            where.append(':').append(line);
            if (column >= 0) {
                where.append(':').append(column);
            }
        }
        return where.toString();
    }
}
