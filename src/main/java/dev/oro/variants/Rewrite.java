package dev.oro.variants;

import dev.oro.lint.Lang;
import dev.oro.library.PromptSource;
import java.util.List;
import java.util.Optional;

/**
 * One golden rule applied as an edit. {@link #apply} returns the whole new {@code .prompt} text,
 * or empty when the prompt already follows the rule or the rule does not fit it.
 */
public sealed interface Rewrite permits PreciseWording, DelimitContext, AddSeed, AddFormat, AddExamples, AddCot, AddRole {

    /** Every rewrite, in rule order. */
    List<Rewrite> ALL = List.of(new PreciseWording(), new DelimitContext(), new AddSeed(), new AddFormat(), new AddCot(),
            new AddRole());

    /** The golden rule it applies: GR2, GR3, ... */
    String rule();

    /** What it changes, for the version's description and the command's output. */
    String what();

    Optional<String> apply(PromptSource source, String text, Lang lang);
}
