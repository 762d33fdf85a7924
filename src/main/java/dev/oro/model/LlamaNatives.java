package dev.oro.model;

import de.kherud.llama.ModelParameters;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prepares llama.cpp's native library before de.kherud's loader runs. Left to itself, that loader
 * extracts the library to a path shared by every process in the temp folder and announces it
 * on stdout, which would corrupt Oro's machine output ({@code --format json}). Extracting it
 * ourselves into a private folder and pointing {@code de.kherud.llama.lib.path} at it avoids both.
 */
final class LlamaNatives {

    static final String LIB_PATH = "de.kherud.llama.lib.path";
    private static boolean prepared;

    private LlamaNatives() {
    }

    static synchronized void prepare() {
        if (prepared || System.getProperty(LIB_PATH) != null) {
            prepared = true;
            return;
        }
        String name = System.mapLibraryName("jllama");
        String folder = folder();
        // ModelParameters, unlike LlamaModel, has no static initializer that would load the library now.
        try (InputStream in = folder == null ? null : ModelParameters.class.getResourceAsStream("/de/kherud/llama/" + folder + "/" + name)) {
            if (in != null) {
                Path dir = Files.createTempDirectory("oro-jllama-");
                Path lib = dir.resolve(name);
                // Deleted at exit in reverse order of registration: the library, then its folder.
                dir.toFile().deleteOnExit();
                lib.toFile().deleteOnExit();
                Files.copy(in, lib);
                System.setProperty(LIB_PATH, dir.toString());
            }
            // Otherwise a platform we do not map: de.kherud's own loader will find it, noisily.
        } catch (IOException e) {
            // Same fallback; the noise is only cosmetic.
        }
        prepared = true;
    }

    /** de.kherud's folder for this platform, such as Linux/x86_64, or null when unsure. */
    private static String folder() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osFolder = os.startsWith("linux") ? "Linux" : os.startsWith("mac") ? "Mac" : os.startsWith("windows") ? "Windows" : null;
        String archFolder = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        // macOS also needs ggml-metal.metal beside the library, which only de.kherud's loader extracts.
        return osFolder == null || archFolder == null || osFolder.equals("Mac") ? null : osFolder + "/" + archFolder;
    }
}
