package dev.oro.api;

import dev.oro.model.FakeOpenAi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link EvalLibrary} plus a profile {@code drafter} on a second fake OpenAI server that answers
 * every request with drafted test cases for {@code qa-with-context} (one missing a variable, one
 * exact duplicate, one near-duplicate), and lexical near-duplicate checks, since MiniLM's native
 * library must not load inside a {@code @QuarkusTest}.
 */
public class DatasetLibrary extends EvalLibrary {

    public static final String DRAFTS = """
            {"cases": [
              {"description": "founder", "vars": {"question": "Who founded Oro?", "context": "Oro was founded by Ana in 2024."}, "expected": "Ana"},
              {"vars": {"question": "When did the shop open?", "context": "The shop opened in 2019 and sells fruit."}, "expected": "2019"},
              {"vars": {"question": "What is the capital?"}, "expected": "No answer"},
              {"vars": {"question": "who founded ORO", "context": "Oro was founded by Ana, in 2024"}, "expected": "Ana"},
              {"vars": {"question": "When did the shop open?", "context": "The shop opened in 2019 and it sells fruit."}, "expected": "2019"},
              {"vars": {"question": "<script>alert('draft')</script>", "context": "Nothing here."}, "rubric": "Says \\"No answer\\""}
            ]}""";

    private FakeOpenAi drafter;

    /** Runs evals/count.yaml (six cases on the counting fake) over the API and waits for it to complete. */
    public static String finishedRun() {
        String id = io.restassured.RestAssured.given().contentType("application/json").body(Map.of("suite", "count.yaml"))
                .post("/api/runs").then().statusCode(202).extract().path("id");
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (!"completed".equals(io.restassured.RestAssured.given().get("/api/runs/" + id).then().extract().path("status"))) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("run " + id + " did not finish in 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return id;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        drafter = new FakeOpenAi();
        drafter.answerAlways(DRAFTS);
        try {
            Files.writeString(Path.of(config.get("oro.models-dir")).resolve("drafter.yaml"), drafter.profile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("oro.drafts.similarity", "lexical");
        return config;
    }

    @Override
    public void stop() {
        super.stop();
        if (drafter != null) {
            drafter.close();
        }
    }
}
