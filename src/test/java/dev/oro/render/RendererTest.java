package dev.oro.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oro.OroException;
import dev.oro.library.PromptParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RendererTest {

    @TempDir
    Path patterns;

    final Renderer renderer = new Renderer(new SandboxEngine(null));

    RenderedPrompt render(String source, Map<String, Object> vars) {
        return renderer.renderSource(PromptParser.parse(source, "p.prompt"), "p.prompt", vars);
    }

    String content(String source, Map<String, Object> vars) {
        return render(source, vars).messages().get(0).content();
    }

    @Test
    void should_render_role_messages_with_variables() {
        RenderedPrompt r = render("system:\nYou answer in {lang}.\nuser:\n{question}\n", Map.of("lang", "Spanish", "question", "Why?"));
        assertThat(r.messages()).containsExactly(new ChatMessage("system", "You answer in Spanish."), new ChatMessage("user", "Why?"));
        assertThat(r.hash()).startsWith("sha256:");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void should_name_every_missing_variable_at_once() {
        String source = "---\nvariables:\n  declared: {}\n  unused: {}\n---\nsystem:\n{role}\nuser:\n{declared} {question} {#for c in chunks}{c}{/for}\n";
        assertThatThrownBy(() -> render(source, Map.of()))
                .isInstanceOf(OroException.class)
                .hasMessage("missing variables declared, unused, role, question, chunks for p.prompt")
                .satisfies(e -> assertThat(((OroException) e).extensions().get("missing"))
                        .isEqualTo(List.of("declared", "unused", "role", "question", "chunks")));
    }

    @Test
    void should_warn_about_unknown_variables_but_render() {
        RenderedPrompt r = render("Hi {name}", Map.of("name", "Ana", "nmae", "typo"));
        assertThat(r.messages().get(0).content()).isEqualTo("Hi Ana");
        assertThat(r.warnings()).containsExactly("unknown variable 'nmae' was passed in, but p.prompt neither declares nor uses it");
        // a variable the template mentions in a branch not taken is not unknown
        assertThat(render("{#if a || c}yes{/if}", Map.of("a", true, "c", false)).warnings()).isEmpty();
    }

    @Test
    void should_point_out_a_likely_typo_when_a_variable_is_missing() {
        assertThatThrownBy(() -> render("{question}", Map.of("questoin", "why?")))
                .hasMessage("missing variable question for p.prompt (passed but not used: questoin)")
                .satisfies(e -> assertThat(((OroException) e).extensions()).containsEntry("unknown", List.of("questoin")));
    }

    @Test
    void should_apply_defaults_and_treat_guarded_variables_as_optional() {
        String source = "---\nvariables:\n  tone:\n    default: warm\n  extra:\n    required: false\n---\n"
                + "Be {tone}.{#if extra} Also: {extra}{/if}{#if notes} Notes: {notes}{/if} Style: {style ?: 'plain'}";
        assertThat(content(source, Map.of())).isEqualTo("Be warm. Style: plain");
        assertThat(content(source, Map.of("extra", "cite sources", "notes", "n", "style", "terse", "tone", "dry")))
                .isEqualTo("Be dry. Also: cite sources Notes: n Style: terse");
    }

    @Test
    void should_pass_literal_json_and_delimiters_through_unchanged() {
        String body = """
                Return JSON like {"name": "x", "tags": ["a"]} or {a: 1} or { "b": 2 } or {} and \\{escaped}.
                Text: \"\"\"
                {text}
                \"\"\"
                ###
                Example: {"user": {"id": 7}}
                """;
        assertThat(content(body, Map.of("text", "hello")))
                .isEqualTo("Return JSON like {\"name\": \"x\", \"tags\": [\"a\"]} or {a: 1} or { \"b\": 2 } or {} and {escaped}.\n"
                        + "Text: \"\"\"\nhello\n\"\"\"\n###\nExample: {\"user\": {\"id\": 7}}");
    }

    @Test
    void should_render_loops_conditions_and_structured_values() {
        Map<String, Object> vars = Map.of("items", List.of(Map.of("q", "2+2", "a", 4), Map.of("q", "3*3", "a", 9)),
                "user", Map.of("name", "Ana", "langs", List.of("es", "en")), "strict", true, "n", 3);
        String source = "{#for it in items}{it_count}. {it.q} = {it.a}{#if it_hasNext}; {/if}{/for}\n"
                + "{user.name} speaks {user.langs} ({user.langs.0}){#if strict} strictly{/if}{#if n > 2} n>2{/if}\n"
                + "{#let who=user.name}{who}{/let} {#when n}{#is 3}three{#else}other{/when}";
        assertThat(content(source, vars)).isEqualTo("1. 2+2 = 4; 2. 3*3 = 9\nAna speaks [\"es\",\"en\"] (es) strictly n>2\nAna three");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{config:quarkus.datasource.password}", "{inject:secrets}", "{cdi:bean.value}", "{env:HOME}"})
    void should_refuse_namespaces_and_reveal_nothing(String expression) {
        System.setProperty("quarkus.datasource.password", "s3cret-sentinel");
        try {
            assertThatThrownBy(() -> render("line one\nleak: " + expression, Map.of()))
                    .isInstanceOf(OroException.class)
                    .hasMessageStartingWith("p.prompt line 2: '" + expression + "' uses the namespace")
                    .hasMessageNotContaining("s3cret-sentinel");
        } finally {
            System.clearProperty("quarkus.datasource.password");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{name.getClass()}", "{name.getClass().forName('java.lang.Runtime')}", "{name.toUpperCase()}",
            "{name.substring(1)}"})
    void should_refuse_java_method_calls(String expression) {
        assertThatThrownBy(() -> render(expression, Map.of("name", "x")))
                .hasMessageContaining("p.prompt line 1: '" + expression + "' calls the method")
                .hasMessageContaining("Oro templates cannot call methods");
    }

    @Test
    void should_refuse_java_properties_with_the_line() {
        assertThatThrownBy(() -> render("a\nb {name.class} {name.bytes}", Map.of("name", "x")))
                .hasMessage("p.prompt line 2: '{name.class}' has no 'class': templates can read variables, map keys and list items,"
                        + " not Java properties or methods");
    }

    @Test
    void should_refuse_sections_outside_the_sandbox() {
        assertThatThrownBy(() -> render("{#eval 'x'}{/eval}", Map.of()))
                .hasMessageStartingWith("p.prompt line 1: '{#eval 'x'}' is not available");
        assertThatThrownBy(() -> render("{#fragment id=x}y{/fragment}", Map.of())).hasMessageContaining("is not available");
    }

    @Test
    void should_point_at_the_file_line_of_a_template_error() {
        String source = "---\ndescription: x\n---\nsystem:\nok\nuser:\nfine\n{#if x}\nunclosed\n";
        assertThatThrownBy(() -> render(source, Map.of("x", true))).hasMessage("p.prompt line 9: section {#if} is not closed by the end of the message; add {/if}");
    }

    @Test
    void should_explain_mustache_syntax() {
        assertThatThrownBy(() -> render("Hello\n{{ name }}", Map.of("name", "x")))
                .hasMessage("p.prompt line 2: '{{ name }}' is Mustache syntax; Oro templates write a variable as {name}");
    }

    @Test
    void should_cap_loop_iterations() {
        assertThatThrownBy(() -> render("{#for i in 1000000000}.{/for}", Map.of()))
                .hasMessage("p.prompt: a loop over 1000000000 items is longer than the 10000 iterations one render may run;"
                        + " pass a shorter list");
        assertThatThrownBy(() -> render("{#for i in 100}{#for j in 101}.{/for}{/for}", Map.of()))
                .hasMessage("p.prompt: loops ran more than 10000 iterations in one render; pass a shorter list");
        assertThat(content("{#for i in 3}{i}{/for}", Map.of())).isEqualTo("123");
    }

    @Test
    void should_cap_output_size() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("big", "x".repeat(200_000));
        vars.put("items", List.of(1, 2, 3, 4, 5, 6));
        assertThatThrownBy(() -> render("{#for i in items}{big}{/for}", vars))
                .hasMessageContaining("longer than 1000000 characters");
    }

    @Test
    void should_refuse_variables_that_are_not_plain_data() {
        assertThatThrownBy(() -> render("{x}", Map.of("x", new Object())))
                .hasMessage("variable 'x' must be text, a number, a boolean, a list or a map");
    }

    @Test
    void should_render_every_golden_rule_pattern() {
        String source = """
                system:
                {#include role who="a literature professor" /}
                user:
                Summarize the text below.

                {#include context text=article /}
                {#include context label="Notes" text="short" /}
                {#include format spec="Names: <comma_separated_list>" /}
                {#include few_shot examples=examples inputLabel="Text" outputLabel="Keywords" /}
                {#include cot /}
                {#include cot lang="es" /}
                {#include seed term="import" /}
                """;
        RenderedPrompt r = render(source, Map.of("article", "Stripe builds APIs.",
                "examples", List.of(Map.of("input", "A", "output", "a"), Map.of("input", "B", "output", "b"))));
        assertThat(r.messages().get(0).content()).isEqualTo("You are a literature professor.");
        assertThat(r.messages().get(1).content()).isEqualTo("""
                Summarize the text below.

                Text: \"\"\"
                Stripe builds APIs.
                \"\"\"
                Notes: \"\"\"
                short
                \"\"\"
                Desired format:
                Names: <comma_separated_list>
                Text 1: A
                Keywords 1: a
                ##
                Text 2: B
                Keywords 2: b
                ##
                Let's think step by step.
                Piensa paso a paso.
                import""");
    }

    @Test
    void should_name_an_unknown_pattern() {
        assertThatThrownBy(() -> render("{#include rol who='x' /}", Map.of()))
                .hasMessage("p.prompt line 1: no pattern 'rol' to include; patterns: context, cot, few_shot, format, role, seed");
    }

    @Test
    void should_let_the_library_add_and_override_patterns() throws Exception {
        Files.writeString(patterns.resolve("role.qute"), "Act as {who}.\n");
        Files.writeString(patterns.resolve("polite.qute"), "Please be polite.\n");
        Renderer custom = new Renderer(new SandboxEngine(patterns));
        RenderedPrompt r = custom.renderSource(PromptParser.parse("{#include role who='a tutor' /}\n{#include polite /}", "p"), "p", Map.of());
        assertThat(r.messages().get(0).content()).isEqualTo("Act as a tutor.\nPlease be polite.");
    }

    @Test
    void should_refuse_a_pattern_that_breaks_the_sandbox() throws Exception {
        Files.writeString(patterns.resolve("evil.qute"), "{config:quarkus.datasource.password}");
        Files.writeString(patterns.resolve("loop.qute"), "{#include loop /}");
        Renderer custom = new Renderer(new SandboxEngine(patterns));
        // prompts that do not use the broken patterns still render
        assertThat(custom.renderSource(PromptParser.parse("{#include cot /}", "p"), "p", Map.of()).messages()).hasSize(1);
        assertThatThrownBy(() -> custom.renderSource(PromptParser.parse("ok\n{#include evil /}", "p"), "p", Map.of()))
                .hasMessageStartingWith("p line 2: includes a broken pattern: pattern 'evil' (prompts/_patterns/evil.qute) line 1:");
        assertThatThrownBy(() -> custom.renderSource(PromptParser.parse("{#include loop /}", "p"), "p", Map.of()))
                .hasMessageContaining("patterns cannot include");
    }
}
