package dev.oro.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oro.OroException;
import io.quarkus.qute.Engine;
import io.quarkus.qute.IfSectionHelper;
import io.quarkus.qute.IncludeSectionHelper;
import io.quarkus.qute.InsertSectionHelper;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.SetSectionHelper;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.TemplateNode;
import io.quarkus.qute.ValueResolvers;
import io.quarkus.qute.WhenSectionHelper;
import io.quarkus.qute.WithSectionHelper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Qute engine for user templates, kept apart from the application's own. It knows only
 * the sections if, for/each, let/set, with, when/switch and include; it resolves only map
 * keys and list items of the data passed in, with no reflection and no namespaces, so a
 * template can read nothing but its variables.
 */
public final class SandboxEngine {

    static final String MESSAGE_ID_PREFIX = "message#";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Engine engine;
    private final Set<String> patternNames;
    // A broken pattern of the library's own must not break every other prompt: it fails
    // only the templates that include it, with its own error.
    private final Map<String, String> brokenPatterns = new java.util.TreeMap<>();
    private final Set<String> patternOptionalNames = new java.util.HashSet<>();

    public SandboxEngine(Path userPatterns) {
        this.engine = Engine.builder()
                .addSectionHelpers(new IfSectionHelper.Factory(), new CappedLoopFactory(), new SetSectionHelper.Factory(),
                        new WithSectionHelper.Factory(), new WhenSectionHelper.Factory(), new IncludeSectionHelper.Factory(),
                        new InsertSectionHelper.Factory())
                .addValueResolvers(Vars.RESOLVER, Missing.RESOLVER,
                        ValueResolvers.mapResolver(), ValueResolvers.mapperResolver(), ValueResolvers.mapEntryResolver(),
                        ValueResolvers.listResolver(), ValueResolvers.collectionResolver(), ValueResolvers.thisResolver(),
                        ValueResolvers.orResolver(), ValueResolvers.trueResolver(), ValueResolvers.logicalAndResolver(),
                        ValueResolvers.logicalOrResolver())
                .addParserHook(helper -> helper.addContentFilter(BraceEscaper::escape))
                .addResultMapper(new StructuredValues())
                .strictRendering(true)
                .build();
        Map<String, String> patterns = Patterns.load(userPatterns);
        for (Map.Entry<String, String> p : patterns.entrySet()) {
            String origin = "pattern '" + p.getKey() + "' (prompts/_patterns/" + p.getKey() + ".qute)";
            try {
                if (p.getValue().contains("{#include") || p.getValue().contains("{#insert")) {
                    // One level of include keeps rendering bounded: no pattern recursion.
                    throw OroException.invalid("invalid-pattern", origin + " includes another template; patterns cannot include");
                }
                Template pattern = compile(p.getValue(), p.getKey(), (line, detail) -> OroException.invalid(
                        "invalid-pattern", origin + " line " + line + ": " + detail));
                patternOptionalNames.addAll(TemplateGuard.optionalNames(pattern));
                engine.putTemplate(p.getKey(), pattern);
            } catch (OroException broken) {
                brokenPatterns.put(p.getKey(), broken.detail());
            }
        }
        patterns.keySet().removeAll(brokenPatterns.keySet());
        this.patternNames = patterns.keySet();
    }

    public Set<String> patternNames() {
        return patternNames;
    }

    /** Parameters patterns give defaults to, such as the label of {@code context}. */
    Set<String> patternOptionalNames() {
        return patternOptionalNames;
    }

    Template compile(String text, String id, TemplateGuard.ErrorPlace place) {
        TemplateGuard.checkSyntax(text, place);
        Template template;
        try {
            template = engine.parse(text, null, id);
        } catch (TemplateException e) {
            throw translate(e, place);
        }
        TemplateGuard.check(template, place);
        checkIncludes(template, place);
        return template;
    }

    /** An include of a pattern that does not exist would fail every render; refuse it up front. */
    private void checkIncludes(Template template, TemplateGuard.ErrorPlace place) {
        for (TemplateNode node : template.findNodes(n -> n instanceof io.quarkus.qute.SectionNode s && s.getName().equals("include"))) {
            io.quarkus.qute.SectionNode section = (io.quarkus.qute.SectionNode) node;
            String target = section.getBlocks().get(0).getParameter(0);
            if (brokenPatterns.containsKey(target)) {
                throw place.error(section.getOrigin().getLine(), "includes a broken pattern: " + brokenPatterns.get(target));
            }
            if (patternNames != null && !patternNames.contains(target)) {
                throw place.error(section.getOrigin().getLine(), "no pattern '" + target + "' to include; patterns: "
                        + String.join(", ", patternNames));
            }
        }
    }

    /** Turns Qute's error into one a prompt author can act on, at the right line. */
    OroException translate(TemplateException e, TemplateGuard.ErrorPlace place) {
        TemplateNode.Origin origin = e.getOrigin();
        int line = origin == null ? 1 : origin.getLine();
        String code = e.getCode() == null ? "" : e.getCode().toString();
        Map<String, Object> args = e.getArguments() == null ? Map.of() : e.getArguments();
        String detail = switch (code) {
            case "NO_SECTION_HELPER_FOUND" -> "'" + args.getOrDefault("tag", "this section")
                    + "' is not available; Oro templates have the sections if, for, each, let, set, with, when, switch and include";
            case "PROPERTY_NOT_FOUND" -> "'{" + expression(args.get("expression")) + "}' has no '" + firstQuoted(args.get("prop"))
                    + "': templates can read variables, map keys and list items, not Java properties or methods";
            case "UNTERMINATED_SECTION" -> "section {#" + args.get("tag") + "} is not closed by the end of the message; add {/"
                    + args.get("tag") + "}";
            case "TEMPLATE_NOT_FOUND" -> "no pattern '" + args.get("templateId") + "' to include; patterns: "
                    + String.join(", ", patternNames == null ? List.of() : patternNames);
            default -> e.getMessage().replaceFirst("^(Parser|Rendering) error( in template \\[[^]]*\\])?:\\s*", "");
        };
        if (origin != null && !origin.getTemplateId().startsWith(MESSAGE_ID_PREFIX) && patternNames != null
                && patternNames.contains(origin.getTemplateId())) {
            return place.error(1, "in pattern '" + origin.getTemplateId() + "' line " + line + ": " + detail);
        }
        return place.error(line, detail);
    }

    private static String firstQuoted(Object text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"").matcher(String.valueOf(text));
        return m.find() ? m.group(1) : String.valueOf(text);
    }

    private static String expression(Object e) {
        return e instanceof io.quarkus.qute.Expression x ? x.toOriginalString() : String.valueOf(e);
    }

    /** Lists and maps render as JSON, which models read better than Java's toString. */
    private static final class StructuredValues implements ResultMapper {

        @Override
        public boolean appliesTo(TemplateNode.Origin origin, Object result) {
            return result instanceof Map<?, ?> || (result instanceof List<?> && !(result instanceof Missing));
        }

        @Override
        public String map(Object result, io.quarkus.qute.Expression expression) {
            try {
                return JSON.writeValueAsString(result);
            } catch (JsonProcessingException e) {
                return String.valueOf(result);
            }
        }
    }
}
