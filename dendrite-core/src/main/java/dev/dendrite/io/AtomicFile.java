package dev.dendrite.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that readers (and a machine that dies mid-save) see either the old content or the
 * new, never a mix: the bytes go to a temporary file in the same directory, are forced to disk, and the
 * temporary file is then renamed over the target in one atomic step.
 */
public final class AtomicFile {

    /** Writes the content of a file through a channel positioned at 0. */
    @FunctionalInterface
    public interface Writer {
        /** Writes everything to {@code channel}. */
        void write(FileChannel channel) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Replaces {@code target} with what {@code writer} writes. On any failure the target is untouched,
     * the temporary file removed, and a {@link ModelFileException} naming the target is thrown.
     */
    public static void write(Path target, Writer writer) {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temporary = null;
        try {
            temporary = directory.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
            // CREATE_NEW with default permissions: the saved file gets the umask like any other, not createTempFile's 0600.
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writer.write(channel);
                channel.force(true);
            }
            moveIntoPlace(temporary, absolute);
            temporary = null;
            forceDirectory(directory);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary, e);
            if (e instanceof ModelFileException modelFileException) {
                throw modelFileException;
            }
            throw new ModelFileException(target, "cannot write: " + reason(e, directory), e);
        }
    }

    /** Why a write failed, in terms of the target's directory rather than the temporary file's name. */
    private static String reason(Exception e, Path directory) {
        if (e instanceof NoSuchFileException) {
            return Files.exists(directory) ? "the directory " + directory + " vanished while writing"
                    : "no such directory: " + directory;
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied in " + directory;
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + " (in " + directory + ")";
        }
        return e.toString();
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system cannot replace " + target + " atomically", e);
        }
    }

    /** Makes the rename itself durable; directories cannot be opened for this on every platform, which is harmless. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // The rename is atomic already; only its durability across a power cut is platform-dependent.
        }
    }

    private static void deleteQuietly(Path temporary, Exception failure) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
