package dev.oro.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Finds the GGUF file of a llama-cpp profile: its {@code path}, or a download of its {@code url}
 * kept in a cache folder under the file's SHA-256.
 *
 * <p>Invariant: a file reaches {@code <cache>/<sha256>.gguf} only by an atomic move after its
 * hash matched, so a file there is trusted without hashing hundreds of MB on every run. A partial
 * download lives beside it as {@code <sha256>.gguf.part} and is resumed with an HTTP Range request.
 */
public final class ModelFiles {

    /** Hears how a download goes, so the CLI can draw a bar and tests can watch. */
    public interface Progress {

        /** @param have bytes already on disk from an earlier attempt; @param total bytes in all, or -1 when the server does not say */
        void started(String name, long have, long total);

        void advanced(long have);

        void finished();

        Progress NONE = new Progress() {
            @Override
            public void started(String name, long have, long total) {
            }

            @Override
            public void advanced(long have) {
            }

            @Override
            public void finished() {
            }
        };

        /** A bar on stderr, so stdout stays clean for machine output. */
        static Progress bar() {
            return new Progress() {
                private ProgressBar bar;

                @Override
                public void started(String name, long have, long total) {
                    bar = new ProgressBarBuilder().setTaskName(name).setInitialMax(total).setUnit("MB", 1 << 20).showSpeed()
                            .setConsumer(new ConsoleProgressBarConsumer(System.err)).startsFrom(have, Duration.ZERO).build();
                }

                @Override
                public void advanced(long have) {
                    if (bar != null) {
                        bar.stepTo(have);
                    }
                }

                @Override
                public void finished() {
                    if (bar != null) {
                        bar.close();
                        bar = null;
                    }
                }
            };
        }
    }

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes \\d+-\\d+/(\\d+)");

    private final Path cacheDir;
    private final HttpClient http;
    private final Progress progress;

    public ModelFiles(Path cacheDir, Progress progress) {
        this(cacheDir, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).followRedirects(HttpClient.Redirect.NORMAL).build(),
                progress);
    }

    ModelFiles(Path cacheDir, HttpClient http, Progress progress) {
        this.cacheDir = cacheDir;
        this.http = http;
        this.progress = progress;
    }

    /** The cache of {@link #defaultCacheDir}, with a progress bar on stderr. */
    public static ModelFiles defaults() {
        return new ModelFiles(defaultCacheDir(System.getenv()), Progress.bar());
    }

    /** {@code $ORO_MODEL_CACHE}, else {@code ~/.cache/oro/models}. */
    public static Path defaultCacheDir(Map<String, String> env) {
        String custom = env.get("ORO_MODEL_CACHE");
        return custom != null && !custom.isBlank() ? expand(custom, home())
                : home().resolve(".cache").resolve("oro").resolve("models");
    }

    /** Whether {@link #resolve} would answer without downloading. */
    public boolean isLocal(ModelProfile profile) {
        if (profile.path() != null) {
            return Files.isRegularFile(expand(profile.path(), home()));
        }
        return profile.sha256() != null && Files.isRegularFile(cacheDir.resolve(profile.sha256().strip().toLowerCase(Locale.ROOT) + ".gguf"));
    }

    public Path resolve(ModelProfile profile) {
        if (profile.path() != null) {
            Path file = expand(profile.path(), home());
            if (!Files.isRegularFile(file)) {
                throw ModelException.fatal("profile '" + profile.name() + "' names the model file " + file + ", which does not exist;"
                        + " fix 'path' in " + origin(profile));
            }
            return file;
        }
        if (profile.url() == null || profile.sha256() == null) {
            throw ModelException.fatal("profile '" + profile.name() + "' needs 'path' (a local .gguf file), or 'url' and 'sha256', in "
                    + origin(profile));
        }
        String sha256 = profile.sha256().strip().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(sha256).matches()) {
            throw ModelException.fatal("'sha256' in " + origin(profile) + " must be 64 hex digits, got '" + profile.sha256() + "'");
        }
        Path target = cacheDir.resolve(sha256 + ".gguf");
        if (Files.isRegularFile(target)) {
            return target;
        }
        return download(profile, sha256, target);
    }

    private Path download(ModelProfile profile, String sha256, Path target) {
        Path part = cacheDir.resolve(sha256 + ".gguf.part");
        try {
            Files.createDirectories(cacheDir);
            try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = out.tryLock()) {
                if (lock == null) {
                    throw ModelException.fatal("another Oro process is downloading " + profile.url() + " into " + part + "; wait for it to finish");
                }
                fetch(profile, out);
            }
            String actual = sha256(part);
            if (!actual.equals(sha256)) {
                Files.deleteIfExists(part);
                throw ModelException.fatal("the download of " + profile.url() + " has sha256 " + actual + " but " + origin(profile)
                        + " expects " + sha256 + "; it was deleted. If the file at the URL changed on purpose, update 'sha256'; otherwise try again");
            }
            moveIntoPlace(part, target);
            return target;
        } catch (ConnectException | UnknownHostException | HttpConnectTimeoutException | UnresolvedAddressException e) {
            throw new ModelException("cannot download " + profile.url() + ": this machine seems offline (" + describe(e) + ")."
                    + " To use a model file you already have, set `path: /path/to/model.gguf` in models/" + profile.name()
                    + ".yaml instead of url", true, null, null, e);
        } catch (IOException e) {
            throw new ModelException("the download of " + profile.url() + " stopped (" + describe(e) + "); run the command again to resume it",
                    true, null, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ModelException.fatal("interrupted while downloading " + profile.url() + "; run the command again to resume");
        }
    }

    /** Appends the rest of the file to {@code out}, asking only for the bytes it lacks. */
    private void fetch(ModelProfile profile, FileChannel out) throws IOException, InterruptedException {
        long have = out.size();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(profile.url())).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 416) {
                return; // nothing left to fetch: the part is whole (or wrong, which the hash will tell)
            }
            if (status != 200 && status != 206) {
                throw ModelException.fatal("the download of " + profile.url() + " failed: HTTP " + status + "; check 'url' in " + origin(profile));
            }
            if (status == 200) {
                have = 0; // the server ignored the Range header and sends the whole file
                out.truncate(0);
            }
            out.position(have);
            progress.started(profile.url().substring(profile.url().lastIndexOf('/') + 1), have, total(response, have));
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = body.read(buffer)) > 0; ) {
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
                have += n;
                progress.advanced(have);
            }
            out.force(false);
        } finally {
            progress.finished();
        }
    }

    private static long total(HttpResponse<?> response, long have) {
        if (response.statusCode() == 206) {
            Matcher m = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
            return m.matches() ? Long.parseLong(m.group(1)) : -1;
        }
        return response.headers().firstValueAsLong("Content-Length").orElse(-1);
    }

    private static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The hex SHA-256 of a file, read in a stream: model files are larger than the heap. */
    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static Path expand(String path, Path home) {
        String p = path.strip();
        if (p.equals("~")) {
            return home;
        }
        return p.startsWith("~/") ? home.resolve(p.substring(2)) : Path.of(p);
    }

    private static Path home() {
        return Path.of(System.getProperty("user.home"));
    }

    private static String origin(ModelProfile profile) {
        return profile.file() != null ? profile.file() : "models/" + profile.name() + ".yaml";
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + m;
    }
}
