package dev.oro.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a real HTTP server on loopback that honours Range requests, as Hugging Face's CDN does. */
class ModelFilesTest {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    @TempDir
    Path cache;
    private final byte[] model = new byte[300_000];
    private final List<String> ranges = new ArrayList<>();
    private final Recorder progress = new Recorder();
    private boolean honourRange = true;
    private HttpServer server;
    private ModelFiles files;

    @BeforeEach
    void start() throws IOException {
        new Random(7).nextBytes(model);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/model.gguf", this::serve);
        server.createContext("/gone.gguf", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        files = new ModelFiles(cache, progress);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "none" : range);
        Matcher m = range == null ? null : RANGE.matcher(range);
        int from = honourRange && m != null && m.matches() ? Integer.parseInt(m.group(1)) : 0;
        if (from > 0) {
            exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (model.length - 1) + "/" + model.length);
        }
        exchange.sendResponseHeaders(from > 0 ? 206 : 200, model.length - from);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(model, from, model.length - from);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static ModelProfile remote(String url, String sha256) {
        return new ModelProfile("local", Providers.LLAMA_CPP, "model.gguf", null, null, Map.of(), 1, Duration.ofMinutes(1), 0, null,
                null, url, sha256, null, "models/local.yaml");
    }

    private static ModelProfile local(String path) {
        return new ModelProfile("mine", Providers.LLAMA_CPP, "model.gguf", null, null, Map.of(), 1, Duration.ofMinutes(1), 0, null,
                path, null, null, null, "models/mine.yaml");
    }

    @Test
    void should_download_verify_and_cache_the_file_under_its_sha256() throws Exception {
        String sha = sha256(model);
        Path file = files.resolve(remote(url("/model.gguf"), sha));
        assertThat(file).isEqualTo(cache.resolve(sha + ".gguf"));
        assertThat(Files.readAllBytes(file)).isEqualTo(model);
        assertThat(cache.resolve(sha + ".gguf.part")).doesNotExist();
        assertThat(ranges).containsExactly("none");
        assertThat(progress.events).first().isEqualTo("started model.gguf 0/" + model.length);
        assertThat(progress.events).contains("at " + model.length).last().isEqualTo("finished");
    }

    @Test
    void should_use_the_cached_file_without_asking_the_server() throws Exception {
        String sha = sha256(model);
        files.resolve(remote(url("/model.gguf"), sha));
        Path again = files.resolve(remote(url("/model.gguf"), sha.toUpperCase()));
        assertThat(again).isEqualTo(cache.resolve(sha + ".gguf"));
        assertThat(ranges).hasSize(1);
    }

    @Test
    void should_resume_a_partial_download_with_a_range_request() throws Exception {
        String sha = sha256(model);
        Files.write(cache.resolve(sha + ".gguf.part"), Arrays.copyOf(model, 100_000));
        Path file = files.resolve(remote(url("/model.gguf"), sha));
        assertThat(ranges).containsExactly("bytes=100000-");
        assertThat(progress.events).first().isEqualTo("started model.gguf 100000/" + model.length);
        assertThat(Files.readAllBytes(file)).isEqualTo(model);
    }

    @Test
    void should_start_over_when_the_server_ignores_the_range() throws Exception {
        honourRange = false;
        String sha = sha256(model);
        Files.write(cache.resolve(sha + ".gguf.part"), new byte[50_000]);
        Path file = files.resolve(remote(url("/model.gguf"), sha));
        assertThat(Files.readAllBytes(file)).isEqualTo(model);
    }

    @Test
    void should_delete_the_download_and_name_both_hashes_when_they_differ() throws Exception {
        String expected = sha256("another model".getBytes());
        assertThatThrownBy(() -> files.resolve(remote(url("/model.gguf"), expected))).isInstanceOf(ModelException.class)
                .hasMessageContaining(sha256(model)).hasMessageContaining(expected).hasMessageContaining("models/local.yaml");
        assertThat(cache.resolve(expected + ".gguf.part")).doesNotExist();
        assertThat(cache.resolve(expected + ".gguf")).doesNotExist();
    }

    @Test
    void should_say_the_machine_seems_offline_and_how_to_use_a_local_file() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/model.gguf";
        assertThatThrownBy(() -> files.resolve(remote(url, sha256(model)))).isInstanceOf(ModelException.class)
                .hasMessageContaining("seems offline").hasMessageContaining(url)
                .hasMessageContaining("set `path: /path/to/model.gguf` in models/local.yaml instead of url");
    }

    @Test
    void should_report_an_http_error_with_the_url() throws Exception {
        assertThatThrownBy(() -> files.resolve(remote(url("/gone.gguf"), sha256(model)))).isInstanceOf(ModelException.class)
                .hasMessageContaining("HTTP 404").hasMessageContaining(url("/gone.gguf"));
    }

    @Test
    void should_refuse_a_sha256_that_is_not_64_hex_digits() {
        assertThatThrownBy(() -> files.resolve(remote(url("/model.gguf"), "abc123"))).isInstanceOf(ModelException.class)
                .hasMessageContaining("64 hex digits");
        assertThat(ranges).isEmpty();
    }

    @Test
    void should_use_a_local_path_as_it_is() throws Exception {
        Path mine = Files.write(cache.resolve("mine.gguf"), model);
        assertThat(files.resolve(local(mine.toString()))).isEqualTo(mine);
    }

    @Test
    void should_name_a_local_path_that_does_not_exist() {
        String missing = cache.resolve("missing.gguf").toString();
        assertThatThrownBy(() -> files.resolve(local(missing))).isInstanceOf(ModelException.class)
                .hasMessageContaining(missing).hasMessageContaining("models/mine.yaml");
    }

    @Test
    void should_expand_the_home_folder() {
        Path home = Path.of("/home/ada");
        assertThat(ModelFiles.expand("~/models/q.gguf", home)).isEqualTo(Path.of("/home/ada/models/q.gguf"));
        assertThat(ModelFiles.expand("~", home)).isEqualTo(home);
        assertThat(ModelFiles.expand("/opt/q.gguf", home)).isEqualTo(Path.of("/opt/q.gguf"));
    }

    @Test
    void should_take_the_cache_folder_from_oro_model_cache() {
        assertThat(ModelFiles.defaultCacheDir(Map.of("ORO_MODEL_CACHE", "/data/models"))).isEqualTo(Path.of("/data/models"));
        assertThat(ModelFiles.defaultCacheDir(Map.of())).isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "oro", "models"));
    }

    /** Keeps the first and last events and every position, as strings that read well in a failure. */
    private static final class Recorder implements ModelFiles.Progress {

        final List<String> events = new ArrayList<>();

        @Override
        public void started(String name, long have, long total) {
            events.add("started " + name + " " + have + "/" + total);
        }

        @Override
        public void advanced(long have) {
            events.add("at " + have);
        }

        @Override
        public void finished() {
            events.add("finished");
        }
    }
}
