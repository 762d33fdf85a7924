package dev.oro.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A judge model on loopback, speaking OpenAI's chat completions (non-streamed) like
 * {@link FakeOpenAi}: it answers a grading request with the answer of the first rule whose word
 * its messages contain, else with the fallback answer. Answers are whatever text a test
 * chooses, verdict JSON or not.
 */
public final class FakeJudge extends FakeOpenAi {

    private record Rule(String word, String answer) {
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private volatile String fallback = "{\"pass\": false, \"score\": 0, \"reason\": \"no rule matched\"}";

    /** Requests whose messages contain {@code word} get {@code answer}. */
    public FakeJudge when(String word, String answer) {
        rules.add(new Rule(word, answer));
        return this;
    }

    /** What requests that match no rule get. */
    public FakeJudge otherwise(String answer) {
        fallback = answer;
        return this;
    }

    /** The body of every chat request received, in order. */
    public List<JsonNode> requests() {
        return chatBodies();
    }

    @Override
    ResponseDefinitionBuilder answer(LoggedRequest request, JsonNode body) {
        StringBuilder messages = new StringBuilder();
        body.path("messages").forEach(m -> messages.append(m.path("content").asText()).append('\n'));
        String answer = rules.stream().filter(r -> messages.toString().contains(r.word())).map(Rule::answer).findFirst().orElse(fallback);
        return completion(answer, "stop", usage(promptTokens(body), 10));
    }

    /** A verdict as the rubric prompt asks for it. */
    public static String verdict(boolean pass, double score, String reason) {
        return write(Map.of("pass", pass, "score", score, "reason", reason));
    }
}
