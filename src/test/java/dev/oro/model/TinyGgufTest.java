package dev.oro.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture's shape; that llama.cpp loads it and counts is {@link LlamaCppProviderContractTest}'s job. */
class TinyGgufTest {

    @TempDir
    Path dir;

    @Test
    void should_write_a_small_gguf_v3_with_llama_metadata() throws Exception {
        Path file = TinyGguf.write(dir.resolve("tiny.gguf"));
        ByteBuffer head = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(Files.size(file)).isLessThan(200_000);
        assertThat(head.getInt(0)).as("magic").isEqualTo(0x46554747);
        assertThat(head.getLong(8)).as("tensor count").isEqualTo(12);
        assertThat(Files.size(file) % 32).as("the data section ends aligned").isZero();
        assertThat(GgufHeader.read(file)).isEqualTo(new GgufHeader(3, "llama", TinyGguf.CONTEXT));
    }

    @Test
    void should_hold_every_byte_token_the_llama_tokenizer_falls_back_to() {
        assertThat(TinyGguf.tokens()).hasSize(TinyGguf.VOCAB).contains("<0x00>", "<0x0A>", "<0xFF>", "\u2581one", "\u2581ten")
                .doesNotHaveDuplicates();
    }

    @Test
    void should_differ_only_in_weights_between_the_ending_and_the_cycling_model() {
        byte[] ending = TinyGguf.bytes(TinyGguf.Ending.EOS);
        byte[] cycling = TinyGguf.bytes(TinyGguf.Ending.CYCLE);
        assertThat(cycling).hasSameSizeAs(ending).isNotEqualTo(ending);
    }
}
