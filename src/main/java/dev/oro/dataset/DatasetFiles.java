package dev.oro.dataset;

import dev.oro.OroException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writing dataset files so that nothing written is lost: a file is written in full under a
 * temporary name in the same folder, flushed to disk, then put in place in one step.
 */
public final class DatasetFiles {

    private DatasetFiles() {
    }

    /** Creates {@code target}; refuses, writing nothing, when it exists. */
    public static void createNew(Path target, String text) {
        Path tmp = temp(target, text);
        try {
            // link() fails when the name exists, where rename() would replace it.
            Files.createLink(target, tmp);
        } catch (FileAlreadyExistsException e) {
            throw exists(target);
        } catch (UnsupportedOperationException | IOException e) {
            if (Files.exists(target)) {
                throw exists(target);
            }
            move(tmp, target, false);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** Replaces {@code target} with {@code text} atomically: a reader sees the old file or the new one, never half. */
    public static void replace(Path target, String text) {
        Path tmp = temp(target, text);
        try {
            move(tmp, target, true);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** {@code dir/base.ext}, or {@code dir/base-2.ext}, {@code -3}, ... : the first name not taken. */
    public static Path freeName(Path dir, String base, String ext) {
        Path candidate = dir.resolve(base + "." + ext);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = dir.resolve(base + "-" + n + "." + ext);
        }
        return candidate;
    }

    static OroException exists(Path target) {
        return OroException.conflict("file-exists", target + " already exists; nothing was written (choose another file name)");
    }

    private static Path temp(Path target, String text) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(dir);
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            return tmp;
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw OroException.invalid("cannot-write", "cannot write " + target + ": " + e.getMessage());
        }
    }

    private static void move(Path tmp, Path target, boolean replace) {
        try {
            if (replace) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw OroException.invalid("cannot-write", "cannot write " + target + ": " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless; the target is what matters
        }
    }
}
