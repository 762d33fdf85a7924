package dev.oro.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input campaign against the REST API: each input gets a 4xx problem whose detail names
 * the field, line, reference or name at fault; never a 500 and never a stack trace.
 */
@QuarkusTest
@WithTestResource(EvalLibrary.class)
class BadInputApiTest {

    static final AtomicInteger TRIED = new AtomicInteger();
    static final String TEXT = "text/plain";
    static final String JSON = "application/json";

    /** One request and what its problem's detail must name. */
    record Call(String what, String method, String path, String type, String body, String names) {

        @Override
        public String toString() {
            return what;
        }
    }

    @AfterAll
    static void count() {
        System.out.println("bad input (REST API): " + TRIED.get() + " requests tried, each answered 4xx with one clear problem");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void should_answer_bad_input_with_a_clear_problem(Call call) {
        var request = given().urlEncodingEnabled(false);
        if (call.type() != null) {
            request = request.contentType(call.type() + "; charset=UTF-8").body(call.body());
        }
        Response r = request.request(call.method(), call.path());
        TRIED.incrementAndGet();
        String body = r.asString();
        assertThat(r.statusCode()).as(body).isBetween(400, 499);
        assertThat(body).doesNotContain("at dev.oro.", "\tat ", "Exception");
        // the OpenAI-compatible endpoints answer their own errors in OpenAI's format, which its clients read
        boolean openAi = call.path().startsWith("/v1/") && r.contentType().startsWith(JSON);
        assertThat(r.contentType()).as(body).startsWith(openAi ? JSON : Problems.MEDIA_TYPE);
        assertThat(r.jsonPath().getString(openAi ? "error.message" : "detail")).as(body).contains(call.names());
    }

    static Call post(String what, String path, String type, String body, String names) {
        return new Call(what, "POST", path, type, body, names);
    }

    static Call get(String what, String path, String names) {
        return new Call(what, "GET", path, null, null, names);
    }

    static Call version(String what, String source, String names) {
        return post("new version: " + what, "/api/prompts/corpus/versions", TEXT, source, names);
    }

    static Stream<Call> corpus() {
        String fiveMb = "Tell me about it.\n".repeat(5 * 1024 * 1024 / 18);
        return Stream.of(
                version("front matter malformed", "---\ndescription: [\n---\nHi {x}\n", "line"),
                version("front matter unterminated", "---\ndescription: x\nHi {x}\n", "line"),
                version("temperature hot", "---\nparams:\n  temperature: hot\n---\nHi {x}\n", "params.temperature"),
                version("maxTokens 1e9", "---\nparams:\n  maxTokens: 1e9\n---\nHi {x}\n", "params.maxTokens"),
                version("variables a number", "---\nvariables: 5\n---\nHi {x}\n", "variables"),
                version("config namespace", "Port {config:quarkus.http.port}\n", "config:"),
                version("inject namespace", "{inject:dataSource}\n", "inject:"),
                version("getClass", "{str.getClass()}\n", "getClass"),
                version("method call", "{name.toUpperCase()}\n", "toUpperCase"),
                version("eval section", "{#eval 'x' /}\n", "#eval"),
                version("mustache", "Hi {{name}}\n", "Mustache"),
                version("empty body", "", "empty"),
                version("5 MB with an injection on its last line", fiveMb + "{config:quarkus.http.port}\n", "config:"),
                post("new version: traversal name", "/api/prompts/..%2Fx/versions", TEXT, "Hi\n", "../x"),
                post("new version: encoded dots", "/api/prompts/%2e%2e/versions", TEXT, "Hi\n", "no endpoint answers POST"),
                post("new version: absolute name", "/api/prompts/%2Fetc%2Fpasswd/versions", TEXT, "Hi\n", "/etc/passwd"),
                post("new version: base hot", "/api/prompts/corpus/versions?baseVersion=hot", TEXT, "Hi\n", "baseVersion"),
                get("prompt: unknown", "/api/prompts/nope", "nope"),
                get("prompt: encoded traversal", "/api/prompts/..%2F..%2Fetc", "../../etc"),
                get("version: unknown number", "/api/prompts/summarize/versions/99", "99"),
                get("version: unknown label", "/api/prompts/summarize/versions/nolabel", "nolabel"),
                get("diff: unknown version", "/api/prompts/summarize/diff?from=1&to=99", "99"),
                get("diff: missing parameter", "/api/prompts/summarize/diff?from=1", "to"),
                new Call("label: version hot", "PUT", "/api/prompts/summarize/labels/prod", JSON, "{\"version\": \"hot\"}", "version"),
                new Call("label: unknown version", "PUT", "/api/prompts/summarize/labels/prod", JSON, "{\"version\": 99}", "99"),
                new Call("label: traversal", "PUT", "/api/prompts/summarize/labels/..%2Fx", JSON, "{\"version\": 1}", "../x"),
                new Call("label: no body", "PUT", "/api/prompts/summarize/labels/prod", JSON, "", "version"),
                post("render: malformed JSON", "/api/render", JSON, "{\"prompt\": ", "JSON"),
                post("render: unknown prompt", "/api/render", JSON, "{\"prompt\": \"nope\"}", "nope"),
                post("render: unknown version", "/api/render", JSON, "{\"prompt\": \"summarize@99\"}", "99"),
                post("render: unknown label", "/api/render", JSON, "{\"prompt\": \"summarize@nolabel\"}", "nolabel"),
                post("render: traversal", "/api/render", JSON, "{\"prompt\": \"../../etc/passwd\"}", "../../etc/passwd"),
                post("render: variables a number", "/api/render", JSON, "{\"prompt\": \"summarize\", \"variables\": 5}", "variables"),
                post("render: missing variable", "/api/render", JSON, "{\"prompt\": \"summarize\"}", "text"),
                post("render: config namespace", "/api/render", JSON, "{\"source\": \"{config:quarkus.http.port}\"}", "config:"),
                post("render: getClass", "/api/render", JSON, "{\"source\": \"{str.getClass()}\"}", "getClass"),
                post("render: 5 MB variable", "/api/render", JSON, "{\"prompt\": \"summarize\", \"variables\": {\"text\": \""
                        + "word ".repeat(1024 * 1024) + "\"}}", "longer than 1000000 characters"),
                post("render: wrong content type", "/api/render", TEXT, "summarize", "Content-Type"),
                post("run: traversal suite", "/api/runs", JSON, "{\"suite\": \"../outside.yaml\"}", "../outside.yaml"),
                post("run: absolute suite", "/api/runs", JSON, "{\"suite\": \"/etc/passwd\"}", "/etc/passwd"),
                post("run: unknown suite", "/api/runs", JSON, "{\"suite\": \"nope.yaml\"}", "nope.yaml"),
                post("run: malformed suite", "/api/runs", JSON, "{\"suite\": \"bad.yaml\"}", "bad.yaml line"),
                post("run: unknown model", "/api/runs", JSON, "{\"suite\": \"ghost.yaml\"}", "ghost"),
                post("run: repeat -1", "/api/runs", JSON, "{\"suite\": \"count.yaml\", \"repeat\": -1}", "repeat"),
                post("run: concurrency 0", "/api/runs", JSON, "{\"suite\": \"count.yaml\", \"concurrency\": 0}", "concurrency"),
                post("run: repeat many", "/api/runs", JSON, "{\"suite\": \"count.yaml\", \"repeat\": \"many\"}", "repeat"),
                post("run: unknown run to resume", "/api/runs", JSON, "{\"suite\": \"count.yaml\", \"resume\": \"no-such-run\"}", "no-such-run"),
                post("run: traversal model", "/api/runs", JSON, "{\"suite\": \"count.yaml\", \"models\": [\"../x\"]}", "../x"),
                get("run: unknown", "/api/runs/no-such-run", "no-such-run"),
                get("run: unknown results", "/api/runs/no-such-run/results", "no-such-run"),
                get("runs: limit hot", "/api/runs?limit=hot", "limit"),
                new Call("rating: unknown run", "PUT", "/api/runs/no-such-run/results/x/rating", JSON, "{\"rating\": 1}", "no-such-run"),
                get("compare: unknown runs", "/api/runs/compare?a=x&b=y", "x"),
                post("lint: malformed front matter", "/api/lint", TEXT, "---\ndescription: [\n---\nHi\n", "line"),
                post("lint: 5 MB with broken front matter", "/api/lint", TEXT, "---\ndescription: [\n---\n" + fiveMb, "line"),
                post("complete: unknown model", "/api/complete", JSON, "{\"prompt\": \"summarize\", \"models\": [\"ghost\"],"
                        + " \"variables\": {\"text\": \"x\"}}", "ghost"),
                post("complete: temperature hot", "/api/complete", JSON, "{\"prompt\": \"summarize\", \"models\": [\"fake\"],"
                        + " \"variables\": {\"text\": \"x\"}, \"params\": {\"temperature\": \"hot\"}}", "temperature"),
                post("openai: unknown model", "/v1/chat/completions", JSON, "{\"model\": \"ghost\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}", "ghost"),
                post("openai: malformed JSON", "/v1/chat/completions", JSON, "{\"model\": ", "JSON"),
                post("openai: temperature hot", "/v1/chat/completions", JSON, "{\"model\": \"fake\", \"temperature\": \"hot\","
                        + " \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}", "temperature"));
    }
}
