package dev.oro.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OllamaProviderContractTest extends ChatProviderContract {

    @AutoClose
    static final FakeOllama FAKE = new FakeOllama();

    @BeforeEach
    void reset() {
        FAKE.reset();
    }

    @Override
    protected ChatProvider provider() {
        return new OllamaProvider(TestProfiles.ollama("local", FakeOllama.MODEL, FAKE.baseUrl()), TestProfiles.KEYS);
    }

    @Test
    void should_name_the_model_by_its_digest() {
        assertThat(provider().identity()).isEqualTo(FakeOllama.DIGEST);
        assertThat(provider().check().detail()).contains(FakeOllama.DIGEST);
    }

    @Test
    void should_stream_newline_delimited_json() {
        provider().chat(countingRequest(GenerationParams.NONE), token -> { });

        assertThat(FAKE.chatBodies().get(0).path("stream").asBoolean()).isTrue();
    }
}
