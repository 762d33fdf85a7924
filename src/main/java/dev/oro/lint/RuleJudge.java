package dev.oro.lint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oro.eval.assertion.JsonText;
import dev.oro.library.PromptSource;
import dev.oro.render.ChatMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code oro lint --judge PROFILE}: asks a model, one rule per call, whether a prompt follows
 * each golden rule. One rule per call keeps each answer about one thing and its reason short.
 * The prompt is sent inside delimiters, after the instruction, so that it reads as data.
 */
public final class RuleJudge {

    /** What each rule asks, in the words of the golden rules. */
    static final Map<String, String> RULES = rules();

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
        dev.oro.model.GenerationParams params = model.profile().defaults()
                .overriddenBy(new dev.oro.model.GenerationParams(0.0, null, null, null, null, true, Map.of()));
        return new RuleJudge(profile, messages -> model.call(new dev.oro.model.ModelRequest(messages, params), null).text());
    }

    /** One opinion per rule, GR1 to GR9; a failed call or an unreadable answer is an opinion with no verdict. */
    public List<JudgeOpinion> opinions(PromptSource source) {
        List<JudgeOpinion> out = new ArrayList<>();
        RULES.forEach((rule, text) -> out.add(opinion(rule, text, source.text())));
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

    private static Map<String, String> rules() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("GR1", "Be specific, descriptive and detailed about the desired output: its length, format, style and audience.");
        r.put("GR2", "Avoid vague or imprecise quantities such as \"fairly short\" or \"a few sentences\"; state precise constraints.");
        r.put("GR3", "Put the instruction first, and put the context, especially inserted variables, inside delimiters such as"
                + " \"\"\" or ###.");
        r.put("GR4", "Put in quotes any literal string the model must return, such as \"No answer\".");
        r.put("GR5", "For code or structured completions, end with a leading (seed) term the model continues, such as import or SELECT.");
        r.put("GR6", "Show the desired output format, for example with a format block or a placeholder template.");
        r.put("GR7", "For pattern tasks (extraction, classification, transformation), give few-shot examples of input and output.");
        r.put("GR8", "For multi-step reasoning or arithmetic, ask for chain of thought (reason step by step) or show a worked example.");
        r.put("GR9", "Give the model a role that tells it how to act, such as \"You are a literature professor\".");
        return java.util.Collections.unmodifiableMap(r);
    }
}
