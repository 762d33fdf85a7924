package dev.oro.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.library.PromptParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's rule: a prompt version's defaults &lt; the profile's &lt; a suite's or a call's overrides. */
class ParamsPrecedenceTest {

    @Test
    void should_let_the_profile_override_the_prompt_and_the_call_override_both() {
        var frontMatter = PromptParser.parse("---\nparams:\n  temperature: 0.9\n  maxTokens: 100\n  seed: 1\n"
                + "  stop: ['##']\n---\nhi\n", "p").frontMatter();
        ModelProfile profile = ProfileLoader.parse("p", "provider: ollama\nmodel: m\nparams:\n  temperature: 0.5\n  num_ctx: 8192\n", "p");
        GenerationParams merged = Completions.paramsFor(frontMatter, profile, Map.of("temperature", 0, "num_ctx", 2048));
        assertThat(merged.temperature()).isEqualTo(0.0);
        assertThat(merged.maxTokens()).isEqualTo(100);
        assertThat(merged.seed()).isEqualTo(1);
        assertThat(merged.stop()).containsExactly("##");
        assertThat(merged.extra()).containsEntry("num_ctx", 2048);

        GenerationParams noCall = Completions.paramsFor(frontMatter, profile, Map.of());
        assertThat(noCall.temperature()).isEqualTo(0.5);
        assertThat(noCall.extra()).containsEntry("num_ctx", 8192);
    }

    @Test
    void should_turn_on_json_mode_for_json_output_unless_overridden() {
        var json = PromptParser.parse("---\noutput:\n  type: json\n---\nhi\n", "p").frontMatter();
        ModelProfile profile = ProfileLoader.parse("p", "provider: ollama\nmodel: m\n", "p");
        assertThat(Completions.paramsFor(json, profile, Map.of()).jsonMode()).isTrue();
        assertThat(Completions.paramsFor(json, profile, Map.of("json", false)).jsonMode()).isFalse();
        var text = PromptParser.parse("hi", "p").frontMatter();
        assertThat(Completions.paramsFor(text, profile, Map.of()).jsonMode()).isFalse();
        assertThat(GenerationParams.from(Map.of("stop", "END")).stop()).isEqualTo(List.of("END"));
    }
}
