package dev.dendrite.cli;

import dev.dendrite.data.TextEncoding;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** The {@code --encoding} option of the commands that read CSV files, and the error that points at it. */
final class Encoding {

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "Encoding of a CSV file, e.g. ISO-8859-1 or windows-1252 (default: UTF-8).")
    Charset charset;

    /** The encoding asked for, UTF-8 by default; refused for data that is not a CSV file. */
    Charset forCsv(Path data, DataKind kind) {
        if (charset != null && kind != DataKind.CSV) {
            throw new UsageException("--encoding applies to CSV files; " + data + " is " + kind.description());
        }
        return charset != null ? charset : StandardCharsets.UTF_8;
    }

    /** Runs {@code read} of {@code file}; a file that is not {@code charset} text fails naming where, and --encoding. */
    static <T> T reading(Path file, Charset charset, Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            CharacterCodingException coding = coding(e);
            if (coding == null) {
                throw e;
            }
            throw TextEncoding.notText(file, charset, -1, "give its encoding with --encoding (e.g. --encoding"
                    + " ISO-8859-1)" + (charset.equals(StandardCharsets.UTF_8) ? " or convert it to UTF-8" : ""), coding);
        }
    }

    /** The decoding failure among {@code e} and its causes (parsers wrap what the reader throws), or null. */
    private static CharacterCodingException coding(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException found) {
                return found;
            }
        }
        return null;
    }
}
