package dev.oro.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oro.library.PromptParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinterTest {

    private static List<Finding> lint(String text) {
        return Linter.lint(PromptParser.parse(text, "test.prompt"));
    }

    @Test
    void should_point_at_the_vague_words_in_the_file() {
        List<Finding> findings = lint("---\ndescription: d\n---\nYou are a writer.\nKeep it fairly short.\n");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("GR2");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.span()).isEqualTo(new Span(5, 9, 21, "fairly short"));
            assertThat(f.suggestion()).contains("3 to 5 sentence");
        });
    }

    @Test
    void should_suggest_in_spanish_for_a_spanish_prompt() {
        List<Finding> findings = lint("Eres un redactor.\nLa respuesta debe ser un poco larga y con el tono de la marca.\n");
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.suggestion()).contains("Usa un párrafo de 3 a 5 frases"));
    }

    @Test
    void should_suggest_delimiters_for_a_bare_variable() {
        List<Finding> findings = lint("system:\nYou are an editor.\nuser:\nFix the grammar of the text below.\n\n{text}\n");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("GR3");
            assertThat(f.span().line()).isEqualTo(6);
            assertThat(f.suggestion()).isEqualTo("Text: \"\"\"\n{text}\n\"\"\"");
        });
    }

    @Test
    void should_sort_findings_by_line() {
        List<Finding> findings = lint("Explain it.\n\n{text}\n");
        assertThat(findings).extracting(f -> f.span().line()).isSorted();
        assertThat(findings).extracting(Finding::rule).contains("GR1", "GR3", "GR9");
    }

    @Test
    void should_reject_an_unknown_rule_id() {
        assertThatThrownBy(() -> new Finding("GR10", Severity.INFO, "m", new Span(1, 1, 1, ""), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_tell_spanish_from_english() {
        assertThat(Lang.detect("Resume el texto de abajo en una lista de viñetas.")).isEqualTo(Lang.ES);
        assertThat(Lang.detect("Summarize the text below as a list of bullet points.")).isEqualTo(Lang.EN);
    }
}
