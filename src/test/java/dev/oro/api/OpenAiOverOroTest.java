package dev.oro.api;

import dev.oro.TinyModels;
import dev.oro.model.ChatProvider;
import dev.oro.model.ChatProviderContract;
import dev.oro.model.OpenAiProvider;
import dev.oro.model.ProfileLoader;
import dev.oro.model.Secrets;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.Map;

/**
 * End to end: Oro's OpenAI provider talks to Oro's own /v1/chat/completions, which serves the
 * tiny in-process llama.cpp model. Both sides pass the contract every provider passes.
 */
@QuarkusTest
@WithTestResource(TinyModels.class)
class OpenAiOverOroTest extends ChatProviderContract {

    @TestHTTPResource("/v1")
    URL v1;

    @Override
    protected ChatProvider provider() {
        return new OpenAiProvider(ProfileLoader.parse("oro", "provider: openai\nmodel: tiny\nbaseUrl: " + v1 + "\n", "models/oro.yaml"),
                Secrets.of(Map.of()));
    }
}
