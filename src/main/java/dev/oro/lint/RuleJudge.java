package dev.oro.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oro.eval.assertion.JsonText;
import dev.oro.library.PromptSource;
import dev.oro.render.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code oro lint --judge PROFILE}: asks a model, one rule per call, whether a prompt follows
 * each golden rule. One rule per call keeps each answer about one thing and its reason short.
 * The prompt is sent inside delimiters, after the instruction, so that it reads as data.
 */
public final class RuleJudge {

    static final String INSTRUCTION = """
            You review a prompt written for a language model against one rule of prompt engineering.
            Judge only that rule. A rule that does not apply to this prompt counts as followed.
            Answer with one JSON object and nothing else:
            {"follows": <true or false>, "reason": "<one sentence; when it does not follow the rule, say what to change>"}
            """;

    private static final int RAW_IN_REASON = 200;

    private final String model;
    private final Function<List<ChatMessage>, String> ask;

    /** @param ask sends messages to the model named {@code model} and returns its text; it may throw */
    public RuleJudge(String model, Function<List<ChatMessage>, String> ask) {
        this.model = model;
        this.ask = ask;
    }

    /**
     * A judge on a model profile, called at temperature 0 in JSON mode as the eval judge is: the
     * steadiest answer a model gives. The CLI's {@code --judge} and {@code POST /api/lint?judge=} share it.
     */
    public static RuleJudge on(String profile, dev.oro.model.ResilientModel model) {
        dev.oro.model.GenerationParams params = model.profile().defaults().overriddenBy(dev.oro.model.GenerationParams.JUDGING);
        return new RuleJudge(profile, messages -> model.call(new dev.oro.model.ModelRequest(messages, params), null).text());
    }

    /** One opinion per rule, GR1 to GR9; a failed call or an unreadable answer is an opinion with no verdict. */
    public List<JudgeOpinion> opinions(PromptSource source) {
        List<JudgeOpinion> out = new ArrayList<>();
        for (GoldenRule rule : GoldenRule.values()) {
            out.add(opinion(rule.name(), rule.statement(), source.text()));
        }
        return out;
    }

    private JudgeOpinion opinion(String rule, String ruleText, String prompt) {
        String answer;
        try {
            answer = ask.apply(List.of(new ChatMessage("system", INSTRUCTION),
                    new ChatMessage("user", "Rule " + rule + ": " + ruleText + "\n\nPrompt:\n\"\"\"\n" + prompt.strip() + "\n\"\"\"")));
        } catch (RuntimeException e) {
            return new JudgeOpinion(rule, model, null, "the judge failed: " + e.getMessage());
        }
        JsonNode json = JsonText.embedded(answer == null ? "" : answer).filter(JsonNode::isObject).orElse(null);
        if (json == null || !json.path("follows").isBoolean()) {
            return new JudgeOpinion(rule, model, null, "the judge's answer is not an opinion: " + cut(answer));
        }
        String reason = json.path("reason").asText("").strip();
        return new JudgeOpinion(rule, model, json.get("follows").asBoolean(), reason.isEmpty() ? "(no reason given)" : reason);
    }

    private static String cut(String s) {
        String t = s == null ? "" : s.strip();
        return t.length() <= RAW_IN_REASON ? t : t.substring(0, RAW_IN_REASON) + "…";
    }
}
