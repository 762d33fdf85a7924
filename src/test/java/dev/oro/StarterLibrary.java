package dev.oro;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gives each test run its own copy of the starter library, so tests can create versions and
 * move labels without touching the real {@code prompts/} folder.
 */
public class StarterLibrary implements QuarkusTestResourceLifecycleManager {

    /** A config value tests check never leaks through a template. */
    public static final String SECRET = "sentinel-secret-7f3a9c";

    public static Path copy(Path target) {
        try (Stream<Path> files = Files.walk(Path.of("prompts"))) {
            for (Path source : files.toList()) {
                Path dest = target.resolve(Path.of("prompts").relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            Path dir = copy(Files.createTempDirectory("oro-prompts"));
            return Map.of("oro.prompts-dir", dir.toString(), "test.secret", SECRET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
