package dev.oro.lint;

import java.util.List;

/** One golden rule as a heuristic. A prompt that already follows the rule gets no finding. */
public interface Rule {

    List<Finding> check(LintTarget target);
}
