package dev.oro.library;

import dev.oro.OroException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The prompt library: a folder with one sub-folder per prompt. Versions are immutable files,
 * created with a hard link so that two writers, in this process or another, can never
 * overwrite each other: the second one to claim a number simply gets the next.
 */
public final class PromptLibrary {

    /** Checks a new version's templates before it is written; throws with file and line. */
    public interface SourceCheck {
        void check(PromptSource source, String origin);
    }

    private final Path root;
    private final SourceCheck check;
    /**
     * Parsed sources by origin and content hash: the same bytes always parse the same way, so an
     * entry never goes stale, and a hand edit changes the hash and is parsed afresh. Parsing the
     * YAML front matter was most of a render's cost.
     */
    private final Map<String, PromptSource> parsed = new ConcurrentHashMap<>();

    public PromptLibrary(Path root, SourceCheck check) {
        this.root = root;
        this.check = check;
    }

    public Path root() {
        return root;
    }

    public List<PromptInfo> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<PromptInfo> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                String name = dir.getFileName().toString();
                // Folders such as _patterns hold other things; they are not prompts.
                if (Files.isDirectory(dir) && isPromptName(name) && !new PromptFolder(root, name).versions().isEmpty()) {
                    out.add(info(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public PromptInfo info(String name) {
        PromptFolder folder = existing(name);
        Map<String, Integer> labels = folder.labels();
        Map<Integer, String> recorded = recordHashes(folder);
        List<VersionInfo> versions = new ArrayList<>();
        for (int v : folder.versions()) {
            List<String> here = labels.entrySet().stream().filter(e -> e.getValue() == v).map(Map.Entry::getKey).toList();
            String hash = hashOf(folder, v);
            versions.add(new VersionInfo(v, hash, created(folder, v), here, recorded.get(v) != null && !recorded.get(v).equals(hash)));
        }
        FrontMatter latest = versions.isEmpty() ? FrontMatter.EMPTY : frontMatterOrEmpty(folder, folder.latest());
        return new PromptInfo(name, latest.description(), latest.tags(), versions, labels);
    }

    public PromptVersion version(String name, int version) {
        PromptFolder folder = existing(name);
        Path file = folder.versionFile(version);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw OroException.notFound("version-not-found", "prompt '" + name + "' has no version " + version
                    + " (versions: " + folder.versions() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String hash = Hashing.sha256(text);
        String recorded = recordHashes(folder).get(version);
        String origin = "prompts/" + name + "/" + version + ".prompt";
        PromptSource source = parsed.get(origin + "\u0000" + hash);
        if (source == null) {
            source = PromptParser.parse(text, origin);
            parsed.put(origin + "\u0000" + hash, source);
        }
        return new PromptVersion(name, version, text, hash, recorded, created(folder, version), source);
    }

    public PromptVersion resolve(PromptRef ref) {
        PromptFolder folder = existing(ref.name());
        if (ref.version() != null) {
            return version(ref.name(), ref.version());
        }
        if (ref.label() != null) {
            Integer v = folder.labels().get(ref.label());
            if (v == null) {
                throw OroException.notFound("label-not-found", "prompt '" + ref.name() + "' has no label '" + ref.label()
                        + "' (labels: " + String.join(", ", folder.labels().keySet()) + ")");
            }
            return version(ref.name(), v);
        }
        return version(ref.name(), folder.latest());
    }

    /**
     * Writes {@code source} as the next version of {@code name}, creating the prompt if needed.
     *
     * @param baseVersion the version the author edited (0 for a new prompt), or null to append
     *                    regardless; when a newer version exists the write is refused with a
     *                    conflict and nothing is written
     * @return the new version number
     */
    public int create(String name, String source, Integer baseVersion) {
        PromptFolder folder = new PromptFolder(root, name);
        // Parse before touching the disk: an invalid prompt must never become a version.
        String origin = "new version of '" + name + "'";
        check.check(PromptParser.parse(source, origin), origin);
        return folder.locked(() -> {
            int next = folder.latest() + 1;
            checkBase(folder, baseVersion, next - 1);
            Path tmp = folder.dir.resolve(".new-" + UUID.randomUUID() + ".tmp");
            try {
                Files.writeString(tmp, source, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                while (true) {
                    try {
                        // link() fails when the name exists, unlike rename(), which would replace it.
                        Files.createLink(folder.versionFile(next), tmp);
                        break;
                    } catch (FileAlreadyExistsException taken) {
                        // Another process (holding no lock of ours) claimed it: take the next one.
                        checkBase(folder, baseVersion, next);
                        next++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover .tmp file is ignored by every reader
                }
            }
            Map<Integer, String> hashes = folder.recordedHashes();
            hashes.put(next, Hashing.sha256(source));
            folder.writeHashes(hashes);
            return next;
        });
    }

    /** Points {@code label} at {@code version}, creating or moving it. */
    public void moveLabel(String name, String label, int version) {
        Names.requireLabel(label);
        PromptFolder folder = existing(name);
        if (!Files.exists(folder.versionFile(version))) {
            throw OroException.notFound("version-not-found", "prompt '" + name + "' has no version " + version
                    + " (versions: " + folder.versions() + ")");
        }
        folder.locked(() -> {
            Map<String, Integer> labels = new LinkedHashMap<>(folder.labels());
            labels.put(label, version);
            folder.writeLabels(labels);
            return null;
        });
    }

    public void removeLabel(String name, String label) {
        Names.requireLabel(label);
        PromptFolder folder = existing(name);
        folder.locked(() -> {
            Map<String, Integer> labels = new LinkedHashMap<>(folder.labels());
            if (labels.remove(label) == null) {
                throw OroException.notFound("label-not-found", "prompt '" + name + "' has no label '" + label + "'");
            }
            folder.writeLabels(labels);
            return null;
        });
    }

    public VersionDiff diff(String name, int from, int to) {
        return VersionDiff.between(version(name, from), version(name, to));
    }

    private static void checkBase(PromptFolder folder, Integer baseVersion, int latest) {
        if (baseVersion != null && baseVersion != latest) {
            String what = latest == 0 ? "does not exist yet" : "is at version " + latest;
            throw new OroException(OroException.Kind.CONFLICT, "stale-base-version", "prompt '" + folder.name + "' " + what
                    + " but this edit was based on version " + baseVersion
                    + "; nothing was written: reload the latest version, reapply the change and save again",
                    Map.of("latestVersion", latest, "baseVersion", baseVersion));
        }
    }

    /**
     * Returns the recorded hashes, first recording any version Oro has not seen yet (a file
     * added by hand or by git), so that later edits to it are noticed.
     */
    private Map<Integer, String> recordHashes(PromptFolder folder) {
        Map<Integer, String> recorded = folder.recordedHashes();
        List<Integer> unseen = folder.versions().stream().filter(v -> !recorded.containsKey(v)).toList();
        if (unseen.isEmpty()) {
            return recorded;
        }
        try {
            return folder.locked(() -> {
                Map<Integer, String> now = folder.recordedHashes();
                for (int v : unseen) {
                    now.putIfAbsent(v, hashOf(folder, v));
                }
                folder.writeHashes(now);
                return now;
            });
        } catch (RuntimeException readOnly) {
            // A read-only checkout still works; it just cannot remember hashes.
            return recorded;
        }
    }

    private static String hashOf(PromptFolder folder, int version) {
        try {
            return Hashing.sha256(Files.readAllBytes(folder.versionFile(version)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant created(PromptFolder folder, int version) {
        try {
            return Files.getLastModifiedTime(folder.versionFile(version)).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private FrontMatter frontMatterOrEmpty(PromptFolder folder, int version) {
        try {
            return version(folder.name, version).source().frontMatter();
        } catch (OroException invalid) {
            // A hand-broken file must not hide the whole prompt from the list.
            return FrontMatter.EMPTY;
        }
    }

    private PromptFolder existing(String name) {
        PromptFolder folder = new PromptFolder(root, name);
        if (!folder.exists() || folder.versions().isEmpty()) {
            throw OroException.notFound("prompt-not-found", "no prompt named '" + name + "' in the library");
        }
        return folder;
    }

    private static boolean isPromptName(String name) {
        try {
            Names.requirePromptName(name);
            return true;
        } catch (OroException e) {
            return false;
        }
    }
}
