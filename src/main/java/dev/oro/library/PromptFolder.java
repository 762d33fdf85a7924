package dev.oro.library;

import dev.oro.OroException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of one prompt: {@code N.prompt} versions, {@code labels.yaml} and
 * {@code hashes.lock}. Small metadata files are rewritten whole through a temporary file and
 * a rename, under a lock that holds across threads and processes, so a crash never leaves
 * one half-written.
 */
final class PromptFolder {

    static final Pattern VERSION_FILE = Pattern.compile("([1-9][0-9]{0,8})\\.prompt");
    private static final Pattern LABEL_LINE = Pattern.compile("^([^#:\\s][^:]*):\\s*([0-9]+)\\s*$");
    private static final Pattern HASH_LINE = Pattern.compile("^([0-9]+)\\s+(sha256:[0-9a-f]{64})\\s*$");
    // FileChannel.lock is per process; threads of this process queue here first.
    private static final Map<Path, ReentrantLock> LOCAL_LOCKS = new ConcurrentHashMap<>();

    final String name;
    final Path dir;

    PromptFolder(Path root, String name) {
        this.name = Names.requirePromptName(name);
        this.dir = root.resolve(name);
    }

    boolean exists() {
        return Files.isDirectory(dir);
    }

    Path versionFile(int version) {
        return dir.resolve(version + ".prompt");
    }

    List<Integer> versions() {
        if (!exists()) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> VERSION_FILE.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> Integer.parseInt(m.group(1)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int latest() {
        List<Integer> all = versions();
        return all.isEmpty() ? 0 : all.get(all.size() - 1);
    }

    Map<String, Integer> labels() {
        Map<String, Integer> out = new TreeMap<>();
        forEachMatch("labels.yaml", LABEL_LINE, m -> out.put(m.group(1).strip(), Integer.parseInt(m.group(2))));
        return out;
    }

    /** Hashes recorded when Oro first saw each version, by version. */
    Map<Integer, String> recordedHashes() {
        Map<Integer, String> out = new TreeMap<>();
        forEachMatch("hashes.lock", HASH_LINE, m -> out.put(Integer.parseInt(m.group(1)), m.group(2)));
        return out;
    }

    /** Metadata files are line-based so that git merges them well; other lines are comments. */
    private void forEachMatch(String fileName, Pattern line, java.util.function.Consumer<Matcher> action) {
        Path file = dir.resolve(fileName);
        if (!Files.exists(file)) {
            return;
        }
        for (String l : readLines(file)) {
            Matcher m = line.matcher(l);
            if (m.matches()) {
                action.accept(m);
            }
        }
    }

    void writeLabels(Map<String, Integer> labels) {
        StringBuilder out = new StringBuilder("# Labels of prompt '" + name + "': label: version. Move them with `oro label`.\n");
        new TreeMap<>(labels).forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        replace(dir.resolve("labels.yaml"), out.toString());
    }

    void writeHashes(Map<Integer, String> hashes) {
        StringBuilder out = new StringBuilder("# SHA-256 of each version when Oro first recorded it. Versions are immutable.\n");
        new TreeMap<>(hashes).forEach((k, v) -> out.append(k).append(' ').append(v).append('\n'));
        replace(dir.resolve("hashes.lock"), out.toString());
    }

    /** Runs {@code action} holding this prompt's lock against other threads and other Oro processes. */
    <T> T locked(Supplier<T> action) {
        ReentrantLock local = LOCAL_LOCKS.computeIfAbsent(dir.toAbsolutePath().normalize(), p -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new OroException(OroException.Kind.UNAVAILABLE, "storage", "cannot lock prompts/" + name + ": " + e.getMessage(), null);
        } finally {
            local.unlock();
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new ArrayList<>();
        }
    }

    /** Writes a whole file so that readers see the old content or the new one, never a part. */
    static void replace(Path target, String content) {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
