package dev.oro.variants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oro.OroException;
import dev.oro.library.PromptLibrary;
import dev.oro.library.PromptRef;
import dev.oro.library.PromptVersion;
import dev.oro.lint.Linter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rewrite on a starter prompt that breaks its rule: the variant no longer breaks it. */
class VariantsTest {

    private final PromptLibrary library = new PromptLibrary(Path.of("prompts"), (source, origin) -> { });

    private Variants.Variant only(String ref, String rule) {
        PromptVersion base = library.resolve(PromptRef.parse(ref));
        List<Variants.Variant> variants = Variants.of(base, Variants.select(List.of(rule))).variants();
        assertThat(variants).hasSize(1);
        Variants.Variant v = variants.get(0);
        assertThat(Linter.lint(dev.oro.library.PromptParser.parse(v.source(), "test")))
                .noneMatch(f -> f.rule().equals(rule));
        return v;
    }

    @ParameterizedTest
    @CsvSource({"summarize@1, GR3", "product-description@1, GR2", "product-description@1, GR3", "literary-analysis@1, GR9",
            "math-word-problem@1, GR8", "miles-to-km@1, GR5", "extract-entities@1, GR6", "extract-entities@1, GR3"})
    void should_make_a_variant_the_rule_no_longer_flags(String ref, String rule) {
        Variants.Variant v = only(ref, rule);
        assertThat(v.source()).contains("tags: [golden-rule, ", "variant, " + rule + ", from-v1]", "(variant: " + rule + " ");
    }

    @Test
    void should_put_the_instruction_first_and_delimit_the_context() {
        assertThat(only("summarize@1", "GR3").source()).endsWith("""
                ---
                Summarize the text below as a bullet point list of the most important points.

                {#include context label="Text" text=text /}
                """);
    }

    @Test
    void should_replace_vague_wording_with_precise_constraints() {
        assertThat(only("product-description@1", "GR2").source())
                .contains("should be 3 to 5 sentences long, 3 to 5 sentences only, and no more.")
                .doesNotContain("fairly");
    }

    @Test
    void should_turn_a_bare_body_into_system_and_user() {
        assertThat(only("literary-analysis@1", "GR9").source())
                .contains("---\nsystem:\n{#include role who=\"an expert assistant\" /}\n\nuser:\nPlease provide");
    }

    @Test
    void should_start_the_answer_with_the_cot_cue() {
        assertThat(only("math-word-problem@1", "GR8").source()).endsWith("Q: {question}\nA: {#include cot /}\n");
    }

    @Test
    void should_show_the_format_of_what_is_extracted() {
        assertThat(only("extract-entities@1", "GR6").source()).contains("{#include format spec=\"Entities: <comma_separated_list>\" /}");
    }

    @Test
    void should_make_nothing_for_a_prompt_that_follows_the_rule() {
        Variants.Result r = Variants.of(library.resolve(PromptRef.parse("summarize@2")), Variants.select(List.of("GR3")));
        assertThat(r.variants()).isEmpty();
        assertThat(r.skipped()).singleElement().asString().startsWith("GR3");
    }

    @Test
    void should_reject_a_rule_without_a_rewrite() {
        assertThatThrownBy(() -> Variants.select(List.of("GR1"))).isInstanceOf(OroException.class).hasMessageContaining("GR1");
    }

    @Test
    void should_create_front_matter_when_there_is_none() {
        String tagged = Variants.tag("Hello {name}\n", new AddRole(), 3);
        assertThat(tagged).startsWith("---\ntags: [variant, GR9, from-v3]\ndescription: '(variant: GR9 added a system role)'\n---\nHello");
    }

    @Test
    void should_write_few_shot_examples_from_a_dataset(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path csv = tmp.resolve("keywords.csv");
        java.nio.file.Files.writeString(csv, "text,__expected\n\"Stripe sells {payment} APIs.\",\"Stripe, payment, APIs\"\n"
                + "Oro versions prompts.,\"Oro, prompts\"\nno output row,\n");
        PromptVersion base = library.resolve(PromptRef.parse("extract-keywords@1"));
        List<Variants.Variant> variants = Variants.of(base, Variants.select(List.of("GR7"), csv)).variants();
        assertThat(variants).singleElement().satisfies(v -> {
            assertThat(v.what()).isEqualTo("added 2 few-shot examples");
            assertThat(v.source()).contains("""
                    Extract keywords from the below text.

                    Text 1: Stripe sells \\{payment} APIs.
                    Keywords 1: Stripe, payment, APIs
                    ##
                    Text 2: Oro versions prompts.
                    Keywords 2: Oro, prompts
                    ##
                    Text: {text}
                    """);
            assertThat(Linter.lint(dev.oro.library.PromptParser.parse(v.source(), "test"))).noneMatch(f -> f.rule().equals("GR7"));
        });
    }

    @Test
    void should_skip_few_shot_without_a_dataset() {
        assertThat(Variants.select(List.of("GR7"))).isEmpty();
    }
}
