package dev.oro.library;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.oro.OroException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the {@code .prompt} format: an optional YAML front matter between {@code ---} lines,
 * then a body whose lines {@code system:}, {@code user:} and {@code assistant:} start chat
 * messages. Every error names the origin (file) and the line.
 */
public final class PromptParser {

    private static final Pattern ROLE_MARKER = Pattern.compile("^\\s*(system|user|assistant)\\s*:\\s*$", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final List<String> FIELDS = List.of("description", "variables", "params", "output", "tags");

    private PromptParser() {
    }

    // Jackson binds the YAML to these first, so type errors carry a line and a field path.
    record RawFrontMatter(String description, Map<String, RawVariable> variables, Map<String, Object> params,
            RawOutput output, List<String> tags) {
    }

    record RawVariable(String description, Boolean required, @JsonProperty("default") Object defaultValue) {
    }

    record RawOutput(String type, JsonNode schema) {
    }

    /**
     * @param origin how errors name the source, such as {@code prompts/qa/2.prompt}
     */
    public static PromptSource parse(String text, String origin) {
        String normalized = text.replace("\r\n", "\n");
        String[] lines = normalized.split("\n", -1);
        FrontMatter frontMatter = FrontMatter.EMPTY;
        int bodyStart = 0;
        if (lines.length > 0 && lines[0].strip().equals("---")) {
            int end = -1;
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].strip().equals("---")) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                throw error(origin, 1, "front matter starts with '---' but has no closing '---' line");
            }
            List<String> yamlLines = List.of(lines).subList(1, end);
            frontMatter = parseFrontMatter(String.join("\n", yamlLines), yamlLines, origin);
            bodyStart = end + 1;
        }
        List<MessageTemplate> messages = splitMessages(lines, bodyStart, origin);
        return new PromptSource(text, frontMatter, messages);
    }

    private static FrontMatter parseFrontMatter(String yaml, List<String> yamlLines, String origin) {
        if (yaml.isBlank()) {
            return FrontMatter.EMPTY;
        }
        RawFrontMatter raw;
        try {
            raw = YAML.readValue(yaml, RawFrontMatter.class);
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            throw error(origin, lineOf(yamlLines, e.getPropertyName()), describe(e));
        } catch (JsonMappingException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException y && y.getProblemMark() != null) {
                    // The YAML itself is broken; Jackson wraps the parser's error in a mapping one.
                    throw error(origin, y.getProblemMark().getLine() + 2, "invalid YAML in front matter: " + y.getProblem());
                }
            }
            throw error(origin, fileLine(e.getLocation()), describe(e));
        } catch (JsonProcessingException e) {
            throw error(origin, fileLine(e.getLocation()), "invalid YAML in front matter: " + e.getOriginalMessage());
        }
        if (raw == null) {
            return FrontMatter.EMPTY;
        }
        Map<String, VariableSpec> variables = new LinkedHashMap<>();
        if (raw.variables() != null) {
            raw.variables().forEach((name, v) -> {
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw error(origin, lineOf(yamlLines, name), "variable name '" + name
                            + "' must start with a letter or '_' and hold only letters, digits and '_'");
                }
                RawVariable rv = v == null ? new RawVariable(null, null, null) : v;
                boolean required = rv.required() != null ? rv.required() : rv.defaultValue() == null;
                variables.put(name, new VariableSpec(rv.description(), required, rv.defaultValue()));
            });
        }
        OutputSpec output = OutputSpec.TEXT;
        if (raw.output() != null) {
            String type = raw.output().type() == null ? "text" : raw.output().type();
            if (!type.equals("text") && !type.equals("json")) {
                throw error(origin, lineOf(yamlLines, "type"), "field 'output.type' must be 'text' or 'json', got '" + type + "'");
            }
            output = new OutputSpec(type, raw.output().schema());
        }
        Map<String, Object> params = raw.params() == null ? Map.of() : raw.params();
        ParamsCheck.check(params, (key, problem) -> error(origin, lineOf(yamlLines, key), problem));
        return new FrontMatter(raw.description(), variables, params, output, raw.tags());
    }

    private static List<MessageTemplate> splitMessages(String[] lines, int from, String origin) {
        List<MessageTemplate> messages = new ArrayList<>();
        Role role = null;
        int textStart = from;
        StringBuilder preamble = new StringBuilder();
        int preambleLine = -1;
        for (int i = from; i < lines.length; i++) {
            Matcher m = ROLE_MARKER.matcher(lines[i]);
            if (m.matches()) {
                if (role != null) {
                    messages.add(message(role, lines, textStart, i));
                } else if (!preamble.toString().isBlank()) {
                    throw error(origin, preambleLine + 1, "text before the first role marker; put it after a 'system:' or 'user:' line");
                }
                role = Role.fromWire(m.group(1));
                textStart = i + 1;
            } else if (role == null && !lines[i].isBlank()) {
                if (preambleLine < 0) {
                    preambleLine = i;
                }
                preamble.append(lines[i]);
            }
        }
        if (role == null) {
            // No marker at all: the whole body is one user message, as in Prompty.
            messages.add(message(Role.USER, lines, from, lines.length));
        } else {
            messages.add(message(role, lines, textStart, lines.length));
        }
        return messages;
    }

    private static MessageTemplate message(Role role, String[] lines, int start, int end) {
        // Blank lines around a message are layout, not content.
        while (start < end && lines[start].isBlank()) {
            start++;
        }
        while (end > start && lines[end - 1].isBlank()) {
            end--;
        }
        String text = String.join("\n", List.of(lines).subList(start, end));
        return new MessageTemplate(role, text, start + 1);
    }

    private static int fileLine(JsonLocation location) {
        // +1 for the opening '---' line; Jackson lines are 1-based within the YAML block.
        return location == null || location.getLineNr() < 1 ? 1 : location.getLineNr() + 1;
    }

    private static int lineOf(List<String> yamlLines, String key) {
        Pattern p = Pattern.compile("^\\s*-?\\s*['\"]?" + Pattern.quote(key) + "['\"]?\\s*:");
        for (int i = 0; i < yamlLines.size(); i++) {
            if (p.matcher(yamlLines.get(i)).find()) {
                return i + 2;
            }
        }
        return 1;
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
            List<String> known = parent.isEmpty() ? FIELDS
                    : parent.startsWith("variables") ? List.of("description", "required", "default")
                    : parent.startsWith("output") ? List.of("type", "schema") : List.of();
            return "unknown field '" + path + "'" + (known.isEmpty() ? "" : " (known fields: " + String.join(", ", known) + ")");
        }
        String what = e.getOriginalMessage();
        int cut = what.indexOf(" at [Source");
        if (cut > 0) {
            what = what.substring(0, cut);
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi && mi.getTargetType() != null) {
            what = "expected " + typeName(mi.getTargetType());
        }
        return (path.isEmpty() ? "front matter" : "field '" + path + "'") + ": " + what;
    }

    private static String typeName(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping of keys to values";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a " + type.getSimpleName();
    }

    static OroException error(String origin, int line, String detail) {
        return new OroException(OroException.Kind.INVALID, "invalid-prompt", origin + " line " + line + ": " + detail,
                Map.of("file", origin, "line", line));
    }
}
