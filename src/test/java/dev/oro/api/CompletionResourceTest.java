package dev.oro.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.oro.TinyModels;
import dev.oro.model.ChatProviderContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TinyModels.class)
class CompletionResourceTest {

    @Test
    void should_run_a_prompt_on_several_models_side_by_side() {
        JsonPath result = given().contentType("application/json")
                .body(Map.of("prompt", "summarize@production", "variables", Map.of("text", "Oro counts."), "models", List.of("tiny", "down")))
                .post("/api/complete").then().statusCode(200)
                .body("prompt", equalTo("summarize")).body("version", equalTo(2))
                .body("messages[0].content", containsString("Oro counts."))
                .extract().jsonPath();
        assertThat(result.getString("outputs[0].model")).isEqualTo("tiny");
        assertThat(result.getString("outputs[0].text").strip()).isEqualTo(ChatProviderContract.COUNTING);
        assertThat(result.getString("outputs[0].finishReason")).isEqualTo("stop");
        assertThat(result.getInt("outputs[0].usage.outputTokens")).isEqualTo(11);
        assertThat(result.getString("outputs[0].modelIdentity")).startsWith("sha256:");
        assertThat(result.getDouble("outputs[0].cost")).isZero();
        assertThat(result.getString("outputs[0].error")).isNull();
        assertThat(result.getString("outputs[1].model")).isEqualTo("down");
        assertThat(result.getString("outputs[1].error")).startsWith("profile 'down' takes its API key from ORO_TEST_UNSET_KEY");
    }

    @Test
    void should_let_call_params_override_prompt_and_profile() {
        given().contentType("application/json")
                .body(Map.of("source", "Count.", "models", List.of("tiny"), "params", Map.of("maxTokens", 3, "temperature", 0)))
                .post("/api/complete").then().statusCode(200)
                .body("outputs[0].text", containsString("one two three"))
                .body("outputs[0].finishReason", equalTo("length"))
                .body("outputs[0].usage.outputTokens", equalTo(3));
    }

    @Test
    void should_stream_tokens_then_each_models_figures() {
        String events = given().contentType("application/json")
                .body(Map.of("source", "Count.", "models", List.of("tiny")))
                .post("/api/complete/stream").then().statusCode(200).contentType(startsWith("text/event-stream"))
                .extract().asString();
        assertThat(events).contains("event:token", "\"text\":\" two\"", "event:done", "\"finishReason\":\"stop\"", "event:result");
        assertThat(events.indexOf("event:token")).isLessThan(events.indexOf("event:done"));
    }

    @Test
    void should_refuse_unknown_or_missing_models_and_bad_params() {
        given().contentType("application/json").body(Map.of("source", "hi", "models", List.of("nope")))
                .post("/api/complete").then().statusCode(404).contentType("application/problem+json")
                .body("detail", startsWith("no model profile named 'nope'"));
        given().contentType("application/json").body(Map.of("source", "hi"))
                .post("/api/complete").then().statusCode(400).body("detail", startsWith("name at least one model profile"));
        given().contentType("application/json").body(Map.of("source", "hi", "models", List.of("tiny"), "params", Map.of("temperature", 5)))
                .post("/api/complete").then().statusCode(400).body("detail", containsString("'params.temperature' must be a number"));
    }

    @Test
    void should_list_profiles_with_readiness_and_no_keys() {
        String body = given().queryParam("check", true).get("/api/models").then().statusCode(200)
                .body("find { it.name == 'tiny' }.ready", equalTo(true))
                .body("find { it.name == 'down' }.ready", equalTo(false))
                .body("find { it.name == 'down' }.apiKeyVariable", equalTo("ORO_TEST_UNSET_KEY"))
                .extract().asString();
        assertThat(body).doesNotContain("apiKey\"");
    }

    @Test
    void should_serve_in_process_models_in_openai_format() {
        given().get("/v1/models").then().statusCode(200).body("data.id", equalTo(List.of("tiny")));
        given().contentType("application/json").body(Map.of("model", "down", "messages", List.of(Map.of("role", "user", "content", "hi"))))
                .post("/v1/chat/completions").then().statusCode(404).body("error.type", equalTo("model_not_found"));
        given().contentType("application/json").body(Map.of("model", "tiny"))
                .post("/v1/chat/completions").then().statusCode(400).body("error.type", equalTo("invalid_request_error"));
        String stream = given().contentType("application/json")
                .body(Map.of("model", "tiny", "stream", true, "stream_options", Map.of("include_usage", true),
                        "messages", List.of(Map.of("role", "user", "content", "Count."))))
                .post("/v1/chat/completions").then().statusCode(200).extract().asString();
        assertThat(stream).contains("\"object\":\"chat.completion.chunk\"", "\"finish_reason\":\"stop\"", "\"completion_tokens\":11")
                .endsWith("data: [DONE]\n\n");
    }
}
