package dev.oro.lint;

import java.util.Objects;

/**
 * A model's opinion of whether a prompt follows one golden rule, kept apart from the heuristic
 * {@link Finding}s: it is not reproducible, so it informs and never decides the exit code.
 *
 * @param source  always {@code judge}, so that JSON readers can tell it from a heuristic finding
 * @param model   the profile that gave it
 * @param follows the model's answer; null when it gave none that could be read (see {@code reason})
 */
public record JudgeOpinion(String rule, String source, String model, Boolean follows, String reason) {

    public static final String SOURCE = "judge";

    public JudgeOpinion {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(reason, "reason");
        source = SOURCE;
    }

    public JudgeOpinion(String rule, String model, Boolean follows, String reason) {
        this(rule, SOURCE, model, follows, reason);
    }
}
