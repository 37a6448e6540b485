package dev.dendrite.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds where a text file stops being text in a given encoding, so that an error can name the line and column
 * (a buffered reader fails a whole buffer ahead of the row being parsed, on a line it has not counted yet).
 */
public final class TextEncoding {

    private TextEncoding() {
    }

    /**
     * The error for {@code file} not being {@code charset} text: names the line, column and byte of the first
     * sequence that does not decode, and how to read the file anyway (for a file that does decode after all, the
     * line the reader had reached). {@code advice} ends the message, e.g. "read it with Csv.charset(...)".
     */
    public static DataFormatException notText(Path file, Charset charset, long lineReached, String advice, Throwable cause) {
        long[] at = firstUndecodable(file, charset);
        if (at == null) {
            return new DataFormatException(file, lineReached, -1, "not " + charset + " text; " + advice, cause);
        }
        return new DataFormatException(file, at[0], (int) at[1], String.format("not %s text: byte 0x%02X (byte %d of the"
                + " file) does not decode; %s", charset, at[3], at[2] + 1, advice), cause);
    }

    /**
     * {line, column, byte offset, byte value} of the first sequence of {@code file} that is not {@code charset}
     * text (lines and columns from 1, columns in characters), or null if it all decodes or cannot be read.
     */
    static long[] firstUndecodable(Path file, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        long line = 1;
        long column = 1;
        long consumed = 0; // bytes decoded before in's position 0
        try (InputStream stream = Files.newInputStream(file)) {
            boolean end = false;
            while (true) {
                if (!end) {
                    int n = stream.read(in.array(), in.position(), in.remaining());
                    if (n < 0) {
                        end = true;
                    } else {
                        in.position(in.position() + n);
                    }
                }
                in.flip();
                CoderResult result = decoder.decode(in, out, end);
                out.flip();
                while (out.hasRemaining()) {
                    if (out.get() == '\n') {
                        line++;
                        column = 1;
                    } else {
                        column++;
                    }
                }
                out.clear();
                if (result.isError()) {
                    return new long[] {line, column, consumed + in.position(), in.get(in.position()) & 0xff};
                }
                consumed += in.position();
                in.compact();
                if (end && result.isUnderflow()) {
                    return null;
                }
            }
        } catch (IOException e) {
            return null;
        }
    }
}
