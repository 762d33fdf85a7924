package dev.oro.library;

import dev.oro.OroException;

/**
 * A reference to one version of a prompt: {@code name} (latest), {@code name@3} (a version)
 * or {@code name@production} (a label).
 */
public record PromptRef(String name, Integer version, String label) {

    public PromptRef {
        Names.requirePromptName(name);
        if (version != null && label != null) {
            throw new IllegalArgumentException("a reference names a version or a label, not both");
        }
        if (version != null && version < 1) {
            throw OroException.invalid("bad-reference", "version numbers start at 1, got " + version);
        }
        if (label != null) {
            Names.requireLabel(label);
        }
    }

    public static PromptRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw OroException.invalid("bad-reference", "empty prompt reference; use name, name@3 or name@production");
        }
        int at = text.indexOf('@');
        if (at < 0) {
            return new PromptRef(text, null, null);
        }
        String name = text.substring(0, at);
        String selector = text.substring(at + 1);
        if (selector.isEmpty()) {
            throw OroException.invalid("bad-reference", "reference '" + text + "' has nothing after '@'; use name@3 or name@production");
        }
        if (selector.equals("latest")) {
            return new PromptRef(name, null, null);
        }
        if (selector.chars().allMatch(Character::isDigit)) {
            try {
                return new PromptRef(name, Integer.parseInt(selector), null);
            } catch (NumberFormatException e) {
                throw OroException.invalid("bad-reference", "version '" + selector + "' in '" + text + "' is too large");
            }
        }
        return new PromptRef(name, null, selector);
    }

    public boolean isLatest() {
        return version == null && label == null;
    }

    @Override
    public String toString() {
        if (version != null) {
            return name + "@" + version;
        }
        return label != null ? name + "@" + label : name;
    }
}
