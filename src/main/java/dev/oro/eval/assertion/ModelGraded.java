package dev.oro.eval.assertion;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oro.render.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The assertions a judge model grades, with promptfoo's names and meanings: {@code llm-rubric},
 * {@code factuality}, {@code answer-relevance} and {@code g-eval}. The judge answers in JSON;
 * an answer that is not a verdict, or a judge that fails, makes a failed result with the
 * reason, never an exception.
 *
 * @param value the rubric, the expected answer, the criteria, or the variable holding the
 *              question (null: {@code question}, else {@code query})
 * @param steps g-eval's evaluation steps; empty for the judge to choose its own
 */
public record ModelGraded(AssertionSpec spec, Kind kind, Judge judge, String value, List<String> steps, double threshold)
        implements Assertion {

    public enum Kind {
        LLM_RUBRIC, FACTUALITY, ANSWER_RELEVANCE, G_EVAL;

        static Kind of(String type) {
            return valueOf(type.replace('-', '_').toUpperCase(Locale.ROOT));
        }
    }

    static final List<String> QUESTION_VARS = List.of("question", "query");
    static final double RELEVANCE_THRESHOLD = 0.7;
    static final double G_EVAL_THRESHOLD = 0.5;
    private static final int RAW_IN_REASON = 200;

    static final String RUBRIC = """
            You grade an output against a rubric. The output passes when the rubric's statement is true of it.
            Answer with one JSON object and nothing else:
            {"reason": "<one or two sentences>", "pass": <true or false>, "score": <a number from 0.0 to 1.0>}
            Example for the rubric "is a greeting" and the output "Hello there":
            {"reason": "The output says hello, which is a greeting.", "pass": true, "score": 1.0}
            """;

    static final String FACTUALITY = """
            You compare the factual content of a submitted answer with an expert answer to the same question.
            Ignore differences of style, grammar or punctuation. Choose the one option that applies:
            (A) The submitted answer is a subset of the expert answer and fully consistent with it.
            (B) The submitted answer is a superset of the expert answer and fully consistent with it.
            (C) The submitted answer contains all the same details as the expert answer.
            (D) The submitted answer disagrees with the expert answer.
            (E) The answers differ, but the differences do not matter for factuality.
            Answer with one JSON object and nothing else:
            {"category": "<A, B, C, D or E>", "reason": "<one or two sentences>"}
            """;

    static final String RELEVANCE = """
            You judge whether an output answers a question: on topic, addressing what was asked, not evading it.
            Correctness is not judged here, only relevance.
            Answer with one JSON object and nothing else:
            {"reason": "<one or two sentences>", "pass": <true or false>, "score": <a number from 0.0 to 1.0>}
            """;

    static final String G_EVAL = """
            You evaluate an output against criteria, following the evaluation steps given, or steps you
            derive from the criteria when none are given. Score from 1 (does not meet the criteria at all)
            to 10 (meets them fully).
            Answer with one JSON object and nothing else:
            {"reason": "<one or two sentences>", "score": <a whole number from 1 to 10>}
            """;

    public ModelGraded {
        steps = List.copyOf(steps);
    }

    static ModelGraded of(AssertionSpec spec, Judge judge) {
        Kind kind = Kind.of(spec.type());
        ModelGraded graded = switch (kind) {
            case LLM_RUBRIC -> new ModelGraded(spec, kind, judge, spec.text(), List.of(), spec.scoreThreshold(0));
            case FACTUALITY -> new ModelGraded(spec, kind, judge, spec.text(), List.of(), 0);
            case ANSWER_RELEVANCE -> new ModelGraded(spec, kind, judge, spec.value() == null ? null : spec.text(), List.of(),
                    spec.scoreThreshold(RELEVANCE_THRESHOLD));
            case G_EVAL -> gEval(spec, judge);
        };
        if (judge == null) {
            throw AssertionSpec.invalid(spec.type() + " needs a judge: add `judge: PROFILE` to the suite");
        }
        return graded;
    }

    /** A criteria text, or {@code {criteria: ..., steps: [...]}}. */
    private static ModelGraded gEval(AssertionSpec spec, Judge judge) {
        double threshold = spec.scoreThreshold(G_EVAL_THRESHOLD);
        if (!(spec.value() instanceof Map<?, ?> map)) {
            return new ModelGraded(spec, Kind.G_EVAL, judge, spec.text(), List.of(), threshold);
        }
        if (!(map.get("criteria") instanceof String criteria) || criteria.isBlank()
                || !map.keySet().stream().allMatch(k -> k.equals("criteria") || k.equals("steps"))) {
            throw spec.needs("a criteria text, or a map of criteria and steps");
        }
        Object steps = map.get("steps");
        List<String> list = steps == null ? List.of() : AssertionSpec.strings(steps).filter(s -> steps instanceof List)
                .orElseThrow(() -> AssertionSpec.invalid("g-eval's steps must be a list of strings, got '" + steps + "'"));
        return new ModelGraded(spec, Kind.G_EVAL, judge, criteria, list, threshold);
    }

    @Override
    public AssertionResult evaluate(Output output) {
        String question = question(output.vars());
        if (kind == Kind.ANSWER_RELEVANCE && question == null) {
            return spec.result(false, "answer-relevance needs the question in the test's var "
                    + (value != null ? "'" + value + "'" : "'question' or 'query'"));
        }
        String answer;
        try {
            answer = judge.ask(messages(output.text(), question));
        } catch (RuntimeException e) {
            return spec.result(false, "the judge failed: " + e.getMessage());
        }
        AssertionResult verdict = JsonText.embedded(answer == null ? "" : answer).filter(JsonNode::isObject)
                .map(this::verdict).orElse(null);
        return verdict != null ? verdict : spec.result(false, "the judge's answer is not a verdict: " + cut(answer));
    }

    /** The grading instructions, then the data in tagged sections so that an output cannot pass for instructions. */
    private List<ChatMessage> messages(String output, String question) {
        String asked = question == null ? "" : section("Question", question);
        return switch (kind) {
            case LLM_RUBRIC -> ask(RUBRIC, section("Output", output) + section("Rubric", value));
            case FACTUALITY -> ask(FACTUALITY, asked + section("Expert", value) + section("Submission", output));
            case ANSWER_RELEVANCE -> ask(RELEVANCE, asked + section("Output", output));
            case G_EVAL -> ask(G_EVAL, section("Criteria", value)
                    + (steps.isEmpty() ? "" : section("Steps", String.join("\n", numbered(steps)))) + section("Output", output));
        };
    }

    /** The result the judge's JSON gives, or null when it is not a verdict of this kind. */
    private AssertionResult verdict(JsonNode json) {
        String given = json.path("reason").asText("").strip();
        String reason = given.isEmpty() ? "(the judge gave no reason)" : given;
        JsonNode pass = json.get("pass");
        JsonNode score = json.get("score");
        return switch (kind) {
            case LLM_RUBRIC, ANSWER_RELEVANCE -> {
                boolean hasPass = pass != null && pass.isBoolean();
                if (!hasPass && (score == null || !score.isNumber())) {
                    yield null;
                }
                double s = score != null && score.isNumber() ? clamp(score.asDouble()) : pass.asBoolean() ? 1 : 0;
                boolean passed = (hasPass ? pass.asBoolean() : s >= 0.5) && s >= threshold;
                yield spec.result(passed, s, reason + (s < threshold ? " (score " + s + " is below " + threshold + ")" : ""));
            }
            case FACTUALITY -> {
                String category = json.path("category").asText("").strip().replaceAll("[()]", "").toUpperCase(Locale.ROOT);
                if (!category.matches("[A-E]")) {
                    yield null;
                }
                yield spec.result(!category.equals("D"), "(" + category + ") " + reason);
            }
            case G_EVAL -> {
                if (score == null || !score.isNumber()) {
                    yield null;
                }
                double s = clamp(score.asDouble() / 10);
                yield spec.result(s >= threshold, s, "score " + score.asText() + "/10: " + reason);
            }
        };
    }

    private String question(Map<String, Object> vars) {
        for (String name : value != null && kind == Kind.ANSWER_RELEVANCE ? List.of(value) : QUESTION_VARS) {
            if (vars.get(name) != null) {
                return vars.get(name).toString();
            }
        }
        return null;
    }

    private static List<ChatMessage> ask(String instructions, String data) {
        return List.of(new ChatMessage("system", instructions), new ChatMessage("user", data));
    }

    private static String section(String tag, String body) {
        return "<" + tag + ">\n" + body + "\n</" + tag + ">\n";
    }

    private static List<String> numbered(List<String> steps) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            out.add((i + 1) + ". " + steps.get(i));
        }
        return out;
    }

    private static double clamp(double score) {
        return Double.isNaN(score) ? 0 : Math.max(0, Math.min(1, score));
    }

    private static String cut(String answer) {
        String s = answer == null ? "(nothing)" : answer.strip();
        return s.length() > RAW_IN_REASON ? s.substring(0, RAW_IN_REASON - 3) + "..." : s;
    }
}
