package dev.oro.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.library.PromptParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each starter prompt shows one golden rule: version 1 breaks it, version 2 follows it. */
class StarterLibraryLintTest {

    static List<Map.Entry<String, String>> starters() {
        return List.copyOf(Map.of("poem", "GR1", "product-description", "GR2", "summarize", "GR3", "qa-with-context", "GR4",
                "miles-to-km", "GR5", "extract-entities", "GR6", "extract-keywords", "GR7", "math-word-problem", "GR8",
                "literary-analysis", "GR9").entrySet());
    }

    @ParameterizedTest
    @MethodSource("starters")
    void should_pass_the_demonstrated_rule_in_version_2(Map.Entry<String, String> starter) throws IOException {
        assertThat(rulesFired(starter.getKey(), 2)).doesNotContain(starter.getValue());
    }

    @ParameterizedTest
    @MethodSource("starters")
    void should_flag_the_demonstrated_rule_in_version_1(Map.Entry<String, String> starter) throws IOException {
        assertThat(rulesFired(starter.getKey(), 1)).contains(starter.getValue());
    }

    private static List<String> rulesFired(String name, int version) throws IOException {
        String file = "prompts/" + name + "/" + version + ".prompt";
        return Linter.lint(PromptParser.parse(Files.readString(Path.of(file)), file)).stream().map(Finding::rule).toList();
    }
}
