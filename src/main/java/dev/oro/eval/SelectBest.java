package dev.oro.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oro.eval.assertion.AssertionResult;
import dev.oro.eval.assertion.JsonText;
import dev.oro.eval.assertion.Judge;
import dev.oro.render.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * promptfoo's {@code select-best}: the judge reads every variant's output for one test and
 * picks the one that best meets the criteria; that output passes, the others fail. It is
 * comparative, so the runner applies it after all variants of a test have answered.
 */
final class SelectBest {

    static final String TYPE = "select-best";

    private static final String INSTRUCTIONS = """
            You compare several answers to the same request and pick the one that best meets the criteria.
            Reply with JSON only: {"best": <the number of the best answer>, "reason": "<one sentence>"}.""";

    private SelectBest() {
    }

    /** The verdicts for {@code outputs}, in their order; exactly one passes when the judge answers. */
    static List<AssertionResult> judge(Judge judge, String criteria, List<String> outputs, double weight) {
        if (outputs.size() == 1) {
            return List.of(new AssertionResult(TYPE, true, 1, "the only output, so the best", null, weight));
        }
        StringBuilder request = new StringBuilder("Criteria: ").append(criteria).append("\n\n");
        for (int i = 0; i < outputs.size(); i++) {
            request.append("Answer ").append(i + 1).append(":\n\"\"\"\n").append(outputs.get(i)).append("\n\"\"\"\n\n");
        }
        int best = -1;
        String reason;
        try {
            String answer = judge.ask(List.of(new ChatMessage("system", INSTRUCTIONS), new ChatMessage("user", request.toString())));
            JsonNode verdict = JsonText.embedded(answer == null ? "" : answer).filter(JsonNode::isObject).orElse(null);
            if (verdict != null && verdict.path("best").canConvertToInt()) {
                best = verdict.path("best").asInt() - 1;
            }
            reason = verdict == null ? "the judge's answer was not JSON: " + truncate(answer) : verdict.path("reason").asText("");
            if (best < 0 || best >= outputs.size()) {
                reason = "the judge named no answer between 1 and " + outputs.size() + ": " + truncate(answer);
                best = -1;
            }
        } catch (RuntimeException e) {
            reason = "the judge failed: " + e.getMessage();
        }
        List<AssertionResult> out = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            boolean chosen = i == best;
            out.add(new AssertionResult(TYPE, chosen, chosen ? 1 : 0, (chosen ? "chosen as best: " : best < 0 ? "" : "not chosen: ")
                    + reason, null, weight));
        }
        return out;
    }

    private static String truncate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
