package dev.oro.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oro.OroException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PromptRefTest {

    @Test
    void should_parse_latest_version_and_label_references() {
        assertThat(PromptRef.parse("qa").isLatest()).isTrue();
        assertThat(PromptRef.parse("qa@latest").isLatest()).isTrue();
        assertThat(PromptRef.parse("qa@3").version()).isEqualTo(3);
        assertThat(PromptRef.parse("qa@production").label()).isEqualTo("production");
        assertThat(PromptRef.parse("qa@3")).hasToString("qa@3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc", "..", "a/b", "/abs", "a\\b", "a\u0000b", "a\nb", ".hidden", "", "x@", "x@0", "_patterns"})
    void should_refuse_names_that_could_escape_the_library(String ref) {
        assertThatThrownBy(() -> PromptRef.parse(ref)).isInstanceOf(OroException.class)
                .satisfies(e -> assertThat(((OroException) e).kind()).isEqualTo(OroException.Kind.INVALID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "latest", "a/b", "..x"})
    void should_refuse_labels_that_read_as_versions_or_paths(String label) {
        assertThatThrownBy(() -> Names.requireLabel(label)).isInstanceOf(OroException.class);
    }
}
