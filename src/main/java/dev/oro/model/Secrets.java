package dev.oro.model;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${ENV_VAR}} references to API keys, and remembers every value it handed out
 * so that {@link #redact(String)} can scrub them from any message before it is shown,
 * logged or stored.
 */
public final class Secrets {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Set<String> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private final Function<String, String> environment;

    public Secrets(Function<String, String> environment) {
        this.environment = environment;
    }

    public static Secrets fromEnvironment() {
        return new Secrets(System::getenv);
    }

    public static Secrets of(Map<String, String> values) {
        return new Secrets(values::get);
    }

    /** True when {@code value} is a reference and not a literal secret. */
    public static boolean isReference(String value) {
        return value != null && REFERENCE.matcher(value.strip()).matches();
    }

    static String variableOf(String reference) {
        if (reference == null) {
            return null;
        }
        Matcher m = REFERENCE.matcher(reference.strip());
        return m.matches() ? m.group(1) : null;
    }

    /** The value of a reference, or null when there is no reference. */
    public String resolve(ModelProfile profile) {
        String variable = profile.apiKeyVariable();
        if (variable == null) {
            return null;
        }
        String value = environment.apply(variable);
        if (value == null || value.isBlank()) {
            throw ModelException.fatal("profile '" + profile.name() + "' takes its API key from " + variable
                    + ", which is not set; export " + variable + "=... and try again");
        }
        HANDED_OUT.add(value);
        return value;
    }

    /** Replaces every secret Oro has resolved in this process with {@code ***}. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : HANDED_OUT) {
            if (secret.length() >= 4) {
                out = out.replace(secret, "***");
            }
        }
        return out;
    }
}
