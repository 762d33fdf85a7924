package dev.oro.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufHeaderTest {

    @TempDir
    Path dir;

    @Test
    void should_say_when_a_file_is_not_a_gguf() throws Exception {
        Path html = Files.writeString(dir.resolve("model.gguf"), "<html>Sign in to download</html>");
        assertThatThrownBy(() -> GgufHeader.read(html)).isInstanceOf(ModelException.class)
                .hasMessageContaining("is not a GGUF model file (it starts with '<htm')");
    }

    @Test
    void should_say_when_the_header_is_truncated() throws Exception {
        // The context length, which Oro reads, comes after byte 150.
        byte[] whole = TinyGguf.bytes(TinyGguf.Ending.EOS);
        Path cut = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(whole, 100));
        assertThatThrownBy(() -> GgufHeader.read(cut)).isInstanceOf(ModelException.class).hasMessageContaining("truncated");
    }
}
