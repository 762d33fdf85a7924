package dev.oro.api;

import dev.oro.OroException;
import dev.oro.eval.Suite;
import dev.oro.eval.SuiteLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Files the API may touch inside the evals folder, and nowhere else: a request names
 * {@code qa.yaml} or {@code evals/qa.yaml}, never {@code ../secrets} or an absolute path.
 */
public final class EvalsFolder {

    private final Path root;

    public EvalsFolder(String evalsDir) {
        this.root = Path.of(evalsDir).toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The suite a request names, with errors naming its path as the user wrote it. */
    public Suite suite(String suite) {
        if (suite == null || suite.isBlank()) {
            throw OroException.invalid("bad-run-request", "'suite' is required: a suite file in the evals folder, e.g. smoke.yaml");
        }
        Path file = file(suite, "suite");
        return SuiteLoader.load(file, origin(file));
    }

    /** A file inside the folder; {@code field} names the request field in errors. */
    public Path file(String name, String field) {
        String folder = root.getFileName() + "/";
        String relative = name.replace('\\', '/');
        try {
            if (relative.startsWith(folder) && !Files.exists(root.resolve(relative))) {
                relative = relative.substring(folder.length());
            }
            Path file = root.resolve(relative).normalize();
            if (Path.of(relative).isAbsolute() || !file.startsWith(root) || file.equals(root)) {
                throw outside(name, field);
            }
            return file;
        } catch (InvalidPathException e) {
            throw outside(name, field);
        }
    }

    /** The suite files in the folder, as a request names them ({@code qa.yaml}, {@code sub/x.yaml}), sorted; for pickers. */
    public java.util.List<String> suites() {
        if (!Files.isDirectory(root)) {
            return java.util.List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.walk(root, 3)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.endsWith(".yaml") || f.endsWith(".yml")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** How a file inside the folder is named to users: {@code evals/data/qa.yaml}. */
    public String origin(Path file) {
        return root.getFileName() + "/" + root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static OroException outside(String name, String field) {
        return OroException.invalid("bad-" + field + "-path", "'" + field + "' must name a file inside the evals folder; '" + name
                + "' does not");
    }
}
