package dev.oro.lint;

import dev.oro.library.Role;
import java.util.List;
import java.util.regex.Pattern;

/** GR9: the model is given a role, by a system message, "You are ..." or a role include. */
final class RolePrompt implements Rule {

    private static final Pattern ROLE = LintTarget.words("you are|you're|act as|eres|actúa como|actua como|asume el papel|take the role");

    @Override
    public List<Finding> check(LintTarget target) {
        boolean system = target.source().messages().stream().anyMatch(m -> m.role() == Role.SYSTEM);
        if (system || target.bodyMatches(ROLE) || Cues.includes(target, "role")) {
            return List.of();
        }
        int start = target.bodyStart();
        int end = target.text().indexOf('\n', start);
        return List.of(target.finding("GR9", Severity.INFO, start, end < 0 ? target.text().length() : end,
                target.lang().pick("the model has no role", "el modelo no tiene un rol"),
                target.lang().pick("add a system message such as \"You are a literature professor ...\"",
                        "añade un mensaje system como \"Eres un profesor de literatura ...\"")));
    }
}
