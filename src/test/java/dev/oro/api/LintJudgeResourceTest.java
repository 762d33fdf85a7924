package dev.oro.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.oro.model.FakeJudge;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /api/lint?judge=PROFILE}: the editor's lint with a model's opinion, as {@code oro lint --judge}. */
@QuarkusTest
@WithTestResource(LintJudgeResourceTest.JudgeProfile.class)
class LintJudgeResourceTest {

    /** A profile {@code judge} on a fake model that finds GR3 broken and everything else followed. */
    public static class JudgeProfile implements QuarkusTestResourceLifecycleManager {
        private FakeJudge fake;

        @Override
        public Map<String, String> start() {
            fake = new FakeJudge();
            fake.when("Rule GR3:", "{\"follows\": false, \"reason\": \"Put the text inside triple quotes.\"}")
                    .otherwise("{\"follows\": true, \"reason\": \"Fine.\"}");
            try {
                Path root = Files.createTempDirectory("oro-lint-judge");
                Path models = Files.createDirectories(root.resolve("models"));
                Files.writeString(models.resolve("judge.yaml"), fake.profile());
                return Map.of("oro.models-dir", models.toString(), "oro.data-dir", root.resolve("data").toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void stop() {
            if (fake != null) {
                fake.close();
            }
        }
    }

    private static final String SOURCE = "You are an editor.\nSummarize this.\n\n{text}\n";

    @Test
    void should_add_the_judges_opinion_per_rule_apart_from_the_findings() {
        given().contentType("text/plain").body(SOURCE).queryParam("judge", "judge").post("/api/lint").then().statusCode(200)
                .body("findings.rule", equalTo(java.util.List.of("GR1", "GR3")))
                .body("judge", hasSize(9))
                .body("judge.source", everyItem(equalTo("judge")))
                .body("judge.model", everyItem(equalTo("judge")))
                .body("judge.find { it.rule == 'GR3' }.follows", equalTo(false))
                .body("judge.find { it.rule == 'GR3' }.reason", equalTo("Put the text inside triple quotes."))
                .body("judge.find { it.rule == 'GR9' }.follows", equalTo(true));
    }

    @Test
    void should_leave_the_judge_out_unless_asked() {
        given().contentType("text/plain").body(SOURCE).post("/api/lint").then().statusCode(200)
                .body("$", not(hasKey("judge"))).body("findings", hasSize(2));
    }

    @Test
    void should_name_an_unknown_judge_profile() {
        given().contentType("text/plain").body(SOURCE).queryParam("judge", "ghost").post("/api/lint").then().statusCode(404)
                .contentType(Problems.MEDIA_TYPE).body("detail", containsString("ghost")).body("trace", nullValue());
    }
}
