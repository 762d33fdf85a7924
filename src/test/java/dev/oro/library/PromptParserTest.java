package dev.oro.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oro.OroException;
import org.junit.jupiter.api.Test;

class PromptParserTest {

    @Test
    void should_read_front_matter_and_role_messages() {
        PromptSource p = PromptParser.parse("""
                ---
                description: Answer questions
                variables:
                  question:
                    description: What the user asks
                  tone:
                    default: friendly
                  notes:
                    required: false
                params:
                  temperature: 0.2
                  maxTokens: 100
                  num_ctx: 8192
                output:
                  type: json
                  schema: {type: object}
                tags: [qa, GR4]
                ---
                system:
                You are a {tone} assistant.

                user:
                {question}
                """, "prompts/qa/1.prompt");
        FrontMatter fm = p.frontMatter();
        assertThat(fm.description()).isEqualTo("Answer questions");
        assertThat(fm.variables()).containsOnlyKeys("question", "tone", "notes");
        assertThat(fm.variables().get("question").required()).isTrue();
        assertThat(fm.variables().get("tone").required()).isFalse();
        assertThat(fm.variables().get("tone").defaultValue()).isEqualTo("friendly");
        assertThat(fm.variables().get("notes").required()).isFalse();
        assertThat(fm.params()).containsEntry("temperature", 0.2).containsEntry("maxTokens", 100).containsEntry("num_ctx", 8192);
        assertThat(fm.output().isJson()).isTrue();
        assertThat(fm.output().schema().get("type").asText()).isEqualTo("object");
        assertThat(fm.tags()).containsExactly("qa", "GR4");
        assertThat(p.messages()).extracting(MessageTemplate::role).containsExactly(Role.SYSTEM, Role.USER);
        assertThat(p.messages().get(0).template()).isEqualTo("You are a {tone} assistant.");
        assertThat(p.messages().get(0).line()).isEqualTo(20);
        assertThat(p.messages().get(1).template()).isEqualTo("{question}");
        assertThat(p.messages().get(1).line()).isEqualTo(23);
    }

    @Test
    void should_treat_a_body_without_markers_as_one_user_message() {
        PromptSource p = PromptParser.parse("Summarize this.\n\nText: \"\"\"{text}\"\"\"\n", "x");
        assertThat(p.messages()).hasSize(1);
        assertThat(p.messages().get(0).role()).isEqualTo(Role.USER);
        assertThat(p.messages().get(0).template()).isEqualTo("Summarize this.\n\nText: \"\"\"{text}\"\"\"");
        assertThat(p.frontMatter().variables()).isEmpty();
    }

    @Test
    void should_not_take_a_role_word_inside_a_sentence_for_a_marker() {
        PromptSource p = PromptParser.parse("user:\nThe user: wants help.\nassistant: is a word here\n", "x");
        assertThat(p.messages()).hasSize(1);
        assertThat(p.messages().get(0).template()).contains("The user: wants help.");
    }

    @Test
    void should_report_bad_yaml_with_its_file_line() {
        assertThatThrownBy(() -> PromptParser.parse("---\ndescription: ok\ntags: [a\nparams: {x: 1}\n---\nhi\n", "prompts/x/1.prompt"))
                .isInstanceOf(OroException.class)
                .hasMessageStartingWith("prompts/x/1.prompt line ")
                .hasMessageContaining("invalid YAML")
                .satisfies(e -> assertThat(((OroException) e).extensions()).containsEntry("file", "prompts/x/1.prompt"));
    }

    @Test
    void should_name_an_unknown_field_and_its_line() {
        assertThatThrownBy(() -> PromptParser.parse("---\ndescription: ok\nvaribles:\n  a: {}\n---\nhi\n", "p.prompt"))
                .hasMessage("p.prompt line 3: unknown field 'varibles' (known fields: description, variables, params, output, tags)");
    }

    @Test
    void should_name_a_field_with_the_wrong_type() {
        assertThatThrownBy(() -> PromptParser.parse("---\nvariables:\n  a:\n    required: perhaps\n---\nhi\n", "p.prompt"))
                .hasMessageStartingWith("p.prompt line 4: field 'variables.a.required'");
    }

    @Test
    void should_check_known_params() {
        assertThatThrownBy(() -> PromptParser.parse("---\nparams:\n  maxTokens: 10\n  temperature: hot\n---\nhi\n", "p.prompt"))
                .hasMessage("p.prompt line 4: field 'params.temperature' must be a number from 0 to 2, got 'hot'");
        assertThatThrownBy(() -> PromptParser.parse("---\nparams:\n  maxTokens: -1\n---\nhi\n", "p.prompt"))
                .hasMessageContaining("'params.maxTokens' must be a whole number above 0");
    }

    @Test
    void should_refuse_unclosed_front_matter_and_text_before_the_first_marker() {
        assertThatThrownBy(() -> PromptParser.parse("---\ndescription: x\nhi\n", "p.prompt"))
                .hasMessage("p.prompt line 1: front matter starts with '---' but has no closing '---' line");
        assertThatThrownBy(() -> PromptParser.parse("stray text\nsystem:\nhi\n", "p.prompt"))
                .hasMessageStartingWith("p.prompt line 1: text before the first role marker");
    }

    @Test
    void should_refuse_a_bad_variable_name() {
        assertThatThrownBy(() -> PromptParser.parse("---\nvariables:\n  my-var: {}\n---\nhi\n", "p.prompt"))
                .hasMessageStartingWith("p.prompt line 3: variable name 'my-var'");
    }
}
