package dev.oro.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oro.OroException;
import dev.oro.library.FrontMatter;
import dev.oro.library.PromptVersion;
import dev.oro.library.VariableSpec;
import dev.oro.model.GenerationParams;
import dev.oro.model.ModelReply;
import dev.oro.model.ModelRequest;
import dev.oro.model.ResilientModel;
import dev.oro.render.ChatMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks a model for test cases of a prompt, as the golden-rules deck suggests: let a strong model
 * draft the first dataset, then have people review it. The model sees the prompt's description,
 * its variables and template, and the seed examples, and answers in JSON mode.
 */
public final class Drafter {

    public static final int MAX_COUNT = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Drafter() {
    }

    /** The drafts as the model sent them, not yet checked: each should be {description, vars, expected, rubric}. */
    public static List<Object> ask(ResilientModel model, PromptVersion version, int count, List<Draft> seeds) {
        ModelReply reply = model.call(new ModelRequest(messages(version, count, seeds),
                new GenerationParams(null, null, null, null, null, true, Map.of())), token -> { });
        return parse(reply.text(), model.profile().name());
    }

    static List<ChatMessage> messages(PromptVersion version, int count, List<Draft> seeds) {
        FrontMatter fm = version.source().frontMatter();
        StringBuilder vars = new StringBuilder();
        for (Map.Entry<String, VariableSpec> v : fm.variables().entrySet()) {
            VariableSpec spec = v.getValue();
            vars.append("- ").append(v.getKey()).append(spec.required() && spec.defaultValue() == null ? " (required)" : " (optional)")
                    .append(spec.description() == null ? "" : ": " + spec.description())
                    .append(spec.defaultValue() == null ? "" : " Default: " + json(spec.defaultValue())).append('\n');
        }
        String system = """
                You write test cases for a prompt template, to evaluate and later fine-tune a model.
                Answer with JSON only, in this shape:
                {"cases": [{"description": "what this case tests", "vars": {"VARIABLE": "value"}, "expected": "the ideal answer", "rubric": "what a good answer must do"}]}
                Give every case a value for each required variable and no other variables. Give "expected" when one answer is right, \
                "rubric" when many are. Make the cases varied: typical inputs, edge cases, and hard ones.""";
        String user = "Write " + count + " test cases for the prompt " + version.ref() + ".\n\n"
                + "Its purpose: " + (fm.description() == null ? "(not described; infer it from the template)" : fm.description()) + "\n\n"
                + "Its variables:\n" + (vars.isEmpty() ? "(none declared)\n" : vars) + "\n"
                + "Its template:\n\"\"\"\n" + version.source().text() + "\n\"\"\"\n"
                + (seeds.isEmpty() ? "" : "\nGood examples to learn from (do not repeat them):\n" + json(seedsAsJson(seeds)) + "\n");
        return List.of(new ChatMessage("system", system), new ChatMessage("user", user));
    }

    private static List<Map<String, Object>> seedsAsJson(List<Draft> seeds) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Draft s : seeds) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vars", s.vars());
            if (s.expected() != null) {
                m.put("expected", s.expected());
            }
            if (s.rubric() != null) {
                m.put("rubric", s.rubric());
            }
            out.add(m);
        }
        return out;
    }

    /** {"cases": [...]} or a bare list; a fenced ```json block is unwrapped, since models add one even in JSON mode. */
    static List<Object> parse(String text, String profile) {
        String body = text == null ? "" : text.strip();
        if (body.startsWith("```")) {
            body = body.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        Object parsed;
        try {
            parsed = JSON.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            throw OroException.invalid("bad-drafts", "model '" + profile + "' did not answer JSON (" + e.getOriginalMessage() + "); it said: "
                    + abbreviate(body));
        }
        if (parsed instanceof Map<?, ?> m && m.get("cases") instanceof List<?> cases) {
            return new ArrayList<>(cases);
        }
        if (parsed instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        throw OroException.invalid("bad-drafts", "model '" + profile + "' answered JSON without a 'cases' list: " + abbreviate(body));
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
