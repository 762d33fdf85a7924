package dev.oro.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.StarterLibrary;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability campaign at the process level: a server killed while versions are written,
 * two Oro processes on one PostgreSQL run, and a sentinel API key that must show up nowhere.
 */
class ReliabilityIT extends ProcessTest {

    /**
     * kill -9 of the server while six clients create versions of one prompt: every version a client
     * was told about (201) is there with its content, whole; numbers are distinct and contiguous;
     * the library loads cleanly when the server starts again.
     */
    @Test
    void should_lose_no_acknowledged_version_and_leave_no_half_written_one_when_the_server_is_killed() throws Exception {
        Files.createDirectories(work.resolve("prompts"));
        Server started = serve("server.log", "/api/prompts");
        Map<Integer, String> acknowledged = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger duplicates = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(6);
        // long enough that a kill can land mid-write
        String filler = "Keep the answer short and precise. ".repeat(2_000);
        for (int c = 0; c < 6; c++) {
            int client = c;
            clients.execute(() -> {
                for (int k = 0; ; k++) {
                    String source = "Edit " + k + " by client " + client + ".\n" + filler + "\n";
                    try {
                        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(started.base() + "/api/prompts/shared/versions"))
                                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(source)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                        int version = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("version").asInt();
                        if (acknowledged.put(version, source) != null) {
                            duplicates.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException killed) {
                        return;
                    }
                }
            });
        }
        for (int i = 0; i < 1200 && acknowledged.size() < 40; i++) {
            Thread.sleep(25);
        }
        started.process().destroyForcibly(); // SIGKILL, with requests in flight
        started.process().waitFor(30, TimeUnit.SECONDS);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);
        assertThat(duplicates).hasValue(0);

        Path dir = work.resolve("prompts/shared");
        java.util.List<Integer> versions = new ArrayList<>();
        java.util.Set<String> contents = new java.util.HashSet<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".prompt")) {
                    String content = Files.readString(f);
                    assertThat(content).as(name + " is whole").startsWith("Edit ").endsWith(filler + "\n");
                    assertThat(contents.add(content)).as(name + " holds a content no other version holds").isTrue();
                    versions.add(Integer.parseInt(name.replace(".prompt", "")));
                } else {
                    assertThat(name).as("only versions, metadata and ignored temporary files")
                            .matches("hashes\\.lock|\\.lock|\\.new-[-0-9a-f]+\\.tmp|\\.hashes\\.lock\\.tmp");
                }
            }
        }
        versions.sort(null);
        assertThat(versions).as("contiguous from 1").isEqualTo(java.util.stream.IntStream.rangeClosed(1, versions.size()).boxed().toList());
        acknowledged.forEach((version, source) -> assertThat(dir.resolve(version + ".prompt")).as("acknowledged version " + version)
                .content().isEqualTo(source));

        Server restarted = serve("restarted.log", "/api/prompts/shared");
        try {
            assertThat(restarted.first().statusCode()).isEqualTo(200);
            HttpResponse<String> latest = HTTP.send(HttpRequest.newBuilder(URI.create(restarted.base() + "/api/prompts/shared/versions/latest"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(latest.statusCode()).isEqualTo(200);
            assertThat(latest.body()).contains("\"version\":" + versions.size(), "\"editedByHand\":false");
        } finally {
            restarted.process().destroy();
            restarted.process().waitFor(20, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(work.resolve("restarted.log"))).doesNotContain("Exception", "warning");
        System.out.printf("killed server: %d versions acknowledged, %d on disk, 0 lost, 0 half-written%n", acknowledged.size(), versions.size());
    }

    /**
     * Two processes on one PostgreSQL and one run: the second is refused while the first lives; after
     * a kill -9, two processes resume it at once and exactly one runs it, so every case is there once
     * and no case is asked of the model twice but the two in flight at the kill.
     */
    @Test
    void should_let_one_process_at_a_time_run_a_postgresql_run_and_keep_every_case_once() throws Exception {
        env = dev.oro.store.TestPostgres.freshSchema("oro_two_processes_it");
        StarterLibrary.copy(work.resolve("prompts"));
        try (dev.oro.model.FakeOpenAi fake = new dev.oro.model.FakeOpenAi()) {
            writeBigSuite(fake);
            Process first = launch("eval", "evals/big.yaml", "--no-progress").redirectErrorStream(true)
                    .redirectOutput(work.resolve("first.log").toFile()).start();
            for (int i = 0; i < 600 && fake.chatCount() < 10; i++) {
                Thread.sleep(50);
            }
            // the first process now waits on its model, holding the run
            fake.latency(60_000);
            assertThat(fake.chatCount()).as(Files.readString(work.resolve("first.log"))).isGreaterThanOrEqualTo(10);
            String runId = oro("runs").out().lines().filter(l -> l.contains("running")).findFirst().orElseThrow().split("\\s+")[0];
            Result second = oro("eval", "evals/big.yaml", "--resume", runId, "--no-progress");
            assertThat(second.code()).as(second.err()).isEqualTo(1);
            assertThat(second.err()).startsWith("oro: run " + runId + " is being run by the Oro process " + first.pid() + " on ")
                    .contains("wait for it to finish").doesNotContain("\tat ", "Exception");

            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
            fake.latency(100);
            int before = fake.chatCount();
            Process[] resumers = new Process[2];
            for (int i = 0; i < 2; i++) {
                resumers[i] = launch("eval", "evals/big.yaml", "--resume", runId, "--no-progress").redirectErrorStream(true)
                        .redirectOutput(work.resolve("resume" + i + ".log").toFile()).start();
            }
            int completed = 0;
            for (int i = 0; i < 2; i++) {
                assertThat(resumers[i].waitFor(120, TimeUnit.SECONDS)).isTrue();
                String log = Files.readString(work.resolve("resume" + i + ".log"));
                if (resumers[i].exitValue() == 0) {
                    completed++;
                    assertThat(log).contains("run " + runId + ": 40 cases, 40 passed, 0 failed, 0 errors");
                } else {
                    assertThat(log).as(log).contains("oro: run " + runId + " is being run by the Oro process ");
                }
            }
            assertThat(completed).isGreaterThanOrEqualTo(1);
            assertThat(oro("show-run", runId, "-o", "shown.json").code()).isZero();
            com.fasterxml.jackson.databind.JsonNode results = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(work.resolve("shown.json").toFile()).get("results");
            java.util.Set<String> keys = new java.util.HashSet<>();
            results.forEach(r -> keys.add(r.get("caseKey").asText()));
            assertThat(results.size()).isEqualTo(40);
            assertThat(keys).hasSize(40);
            // the cases the first process had not recorded were asked once more, and only once
            assertThat(fake.chatCount() - before).isBetween(40 - before, 40 - before + 2);
        }
    }

    /**
     * A run made with a sentinel API key (an env reference in the profile), some of whose answers
     * quote the key back: the key reaches the model server and shows up nowhere else: not in the
     * CLI's output, the server's log, any export, the REST results, or any text column of the store.
     */
    @Test
    void should_show_a_sentinel_api_key_nowhere_but_in_the_requests() throws Exception {
        String sentinel = "sk-sentinel-" + java.util.UUID.randomUUID();
        env = Map.of("ORO_SENTINEL_KEY", sentinel);
        StarterLibrary.copy(work.resolve("prompts"));
        List<String> seen = new ArrayList<>();
        String runId;
        try (dev.oro.model.FakeOpenAi fake = new dev.oro.model.FakeOpenAi()) {
            Files.createDirectories(work.resolve("models"));
            Files.writeString(work.resolve("models/leaky.yaml"), "provider: openai\nmodel: " + dev.oro.model.FakeOpenAi.MODEL
                    + "\nbaseUrl: " + fake.url() + "\napiKey: ${ORO_SENTINEL_KEY}\nmaxRetries: 0\nconcurrency: 1\n");
            StringBuilder suite = new StringBuilder("prompts: [summarize@production]\nmodels: [leaky]\ntests:\n");
            for (int i = 0; i < 6; i++) {
                suite.append("  - vars: {text: \"text ").append(i).append("\"}\n    assert: [{type: contains, value: one}]\n");
            }
            Files.createDirectories(work.resolve("evals"));
            Files.writeString(work.resolve("evals/leak.yaml"), suite.toString());

            fake.failQuoting(3, sentinel);
            List<String> formats = List.of("json", "csv", "xml", "html");
            List<String> args = new ArrayList<>(List.of("eval", "evals/leak.yaml", "--no-progress", "--no-cache"));
            formats.forEach(f -> args.addAll(List.of("-o", "out/eval." + f)));
            Result eval = oro(args.toArray(String[]::new));
            assertThat(eval.err()).contains("6 cases, 3 passed, 0 failed, 3 errors");
            assertThat(Files.readString(work.resolve("out/eval.json"))).contains("openai answered 500");
            runId = eval.err().lines().filter(l -> l.startsWith("run ") && l.contains(": 6 cases")).findFirst().orElseThrow()
                    .substring(4).split(":")[0];
            List<String> show = new ArrayList<>(List.of("show-run", runId));
            formats.forEach(f -> show.addAll(List.of("-o", "out/show." + f)));
            Result shown = oro(show.toArray(String[]::new));
            assertThat(shown.code()).as(shown.err()).isZero();
            Result runs = oro("runs");
            for (Result r : List.of(eval, shown, runs)) {
                seen.add(r.out());
                seen.add(r.err());
            }

            fake.failQuoting(2, sentinel);
            Server server = serve("server.log", "/api/runs");
            try {
                HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/runs"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"suite\": \"leak.yaml\", \"noCache\": true}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
                String apiRun = new com.fasterxml.jackson.databind.ObjectMapper().readTree(started.body()).get("id").asText();
                String view = "";
                for (int i = 0; i < 600 && !view.contains("\"status\":\"completed\""); i++) {
                    Thread.sleep(100);
                    view = get(server, "/api/runs/" + apiRun);
                }
                assertThat(view).contains("\"status\":\"completed\"", "\"errors\":2");
                seen.add(view);
                for (String path : List.of("/api/runs", "/api/runs/" + apiRun + "/results", "/api/runs/" + runId + "/results",
                        "/api/runs/" + runId, "/runs/" + runId, "/runs/" + apiRun)) {
                    seen.add(get(server, path));
                }
            } finally {
                server.process().destroy();
                server.process().waitFor(20, TimeUnit.SECONDS);
            }
            assertThat(fake.authorizations()).hasSize(12).containsOnly("Bearer " + sentinel);
        }
        seen.add(Files.readString(work.resolve("server.log")));
        try (var files = Files.list(work.resolve("out"))) {
            for (Path f : files.toList()) {
                seen.add(Files.readString(f));
            }
        }
        seen.addAll(storeText());
        assertThat(String.join("\n", seen)).contains(runId, "openai answered 500").doesNotContain(sentinel);
        // and not in the bytes of any file the store keeps, whatever table or index holds them
        try (var files = Files.walk(work.resolve(".oro"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(sentinel);
            }
        }
    }

    private static String get(Server server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Every value of every text column of every table in the H2 store. */
    private List<String> storeText() throws Exception {
        List<String> out = new ArrayList<>();
        javax.sql.DataSource db = dev.oro.store.Database.openH2(work.resolve(".oro"));
        try (java.sql.Connection c = db.getConnection(); java.sql.Statement s = c.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (java.sql.ResultSet rs = s.executeQuery("SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND DATA_TYPE IN ('CHARACTER VARYING', 'CHARACTER LARGE OBJECT', 'CHARACTER')")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            assertThat(columns).extracting(col -> col[0]).contains("RUNS", "RESULTS", "RESPONSE_CACHE", "RUN_LEASES");
            for (String[] col : columns) {
                try (java.sql.ResultSet rs = s.executeQuery("SELECT \"" + col[1] + "\" FROM \"" + col[0] + "\"")) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        } finally {
            if (db instanceof AutoCloseable pool) {
                pool.close();
            }
        }
        return out;
    }
}
