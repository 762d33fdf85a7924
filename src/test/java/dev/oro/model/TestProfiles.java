package dev.oro.model;

import java.util.Map;

/** Profiles as a user writes them, read by the real loader, and the keys their references name. */
final class TestProfiles {

    static final Secrets KEYS = Secrets.of(Map.of("OPENAI_API_KEY", "sk-test-openai", "ANTHROPIC_API_KEY", "sk-ant-test",
            "GEMINI_API_KEY", "gemini-test-key"));

    private TestProfiles() {
    }

    /** {@code models/NAME.yaml} with these lines. */
    static ModelProfile of(String name, String... yamlLines) {
        return ProfileLoader.parse(name, String.join("\n", yamlLines) + "\n", "models/" + name + ".yaml");
    }

    static ModelProfile openAi(String name, String baseUrl, String... more) {
        return of(name, with(more, "provider: openai", "model: " + FakeOpenAi.MODEL, "baseUrl: " + baseUrl, "apiKey: ${OPENAI_API_KEY}"));
    }

    static ModelProfile ollama(String name, String model, String baseUrl, String... more) {
        return of(name, with(more, "provider: ollama", "model: " + model, "baseUrl: " + baseUrl));
    }

    static ModelProfile anthropic(String name, String baseUrl, String... more) {
        return of(name, with(more, "provider: anthropic", "model: " + FakeAnthropic.MODEL, "baseUrl: " + baseUrl,
                "apiKey: ${ANTHROPIC_API_KEY}"));
    }

    static ModelProfile gemini(String name, String baseUrl, String... more) {
        return of(name, with(more, "provider: gemini", "model: " + FakeGemini.MODEL, "baseUrl: " + baseUrl, "apiKey: ${GEMINI_API_KEY}"));
    }

    private static String[] with(String[] more, String... lines) {
        String[] out = new String[lines.length + more.length];
        System.arraycopy(lines, 0, out, 0, lines.length);
        System.arraycopy(more, 0, out, lines.length, more.length);
        return out;
    }
}
