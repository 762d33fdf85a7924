package dev.oro.render;

import dev.oro.OroException;
import io.quarkus.qute.Expression;
import io.quarkus.qute.SectionBlock;
import io.quarkus.qute.SectionNode;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a parsed template before it ever renders. Oro templates read variables, map keys and
 * list items; they do not call Java methods or reach namespaces such as {@code config:},
 * {@code inject:} or {@code cdi:}, which could reveal configuration and secrets.
 */
final class TemplateGuard {

    /** Virtual methods the sandbox's own resolvers answer: defaults, ternaries, list and map reads. */
    private static final Set<String> ALLOWED_METHODS = Set.of("or", "?:", ":", "?", "ifTruthy", "get", "contains", "containsKey");
    private static final Pattern MUSTACHE = Pattern.compile("\\{\\{\\s*([A-Za-z_][\\w.]*)\\s*}}");

    private TemplateGuard() {
    }

    /** Mustache and Nunjucks users (promptfoo, LangChain) will write {{var}}; say so plainly. */
    static void checkSyntax(String text, ErrorPlace place) {
        Matcher m = MUSTACHE.matcher(text);
        if (m.find()) {
            int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            throw place.error(line, "'" + m.group() + "' is Mustache syntax; Oro templates write a variable as {" + m.group(1) + "}");
        }
    }

    static void check(Template template, ErrorPlace place) {
        for (Expression e : template.getExpressions()) {
            int line = e.getOrigin().getLine();
            if (e.hasNamespace()) {
                throw place.error(line, "'{" + e.toOriginalString() + "}' uses the namespace '" + e.getNamespace()
                        + ":', and Oro templates have none; they can only read the variables passed in");
            }
            for (Expression.Part part : e.getParts()) {
                if (part.isVirtualMethod() && !ALLOWED_METHODS.contains(part.getName())) {
                    throw place.error(line, "'{" + e.toOriginalString() + "}' calls the method '" + part.getName()
                            + "()', and Oro templates cannot call methods; they can only read variables, map keys and list items");
                }
            }
        }
    }

    /**
     * Names the template treats as optional: tested in an {@code {#if}} or given a default
     * with {@code ?:} / {@code or}. They are not reported missing when absent.
     */
    static Set<String> optionalNames(Template template) {
        Set<String> out = new HashSet<>();
        for (Expression e : template.getExpressions()) {
            List<Expression.Part> parts = e.getParts();
            if (parts.size() > 1 && parts.get(1).isVirtualMethod()
                    && Set.of("or", "?:").contains(parts.get(1).getName())) {
                out.add(parts.get(0).getName());
            }
        }
        for (TemplateNode node : template.findNodes(n -> n instanceof SectionNode s && s.getName().equals("if"))) {
            for (SectionBlock block : ((SectionNode) node).getBlocks()) {
                for (Expression e : block.expressions.values()) {
                    if (!e.isLiteral() && !e.getParts().isEmpty()) {
                        out.add(e.getParts().get(0).getName());
                    }
                }
            }
        }
        return out;
    }

    /** Turns a line of a template into an error that names the file and its line. */
    interface ErrorPlace {
        OroException error(int templateLine, String detail);
    }
}
