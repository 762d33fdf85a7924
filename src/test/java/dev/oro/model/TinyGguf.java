package dev.oro.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a tiny llama-architecture GGUF (about 60 KB) whose greedy answer to any prompt is
 * {@value ChatProviderContract#COUNTING}, then end of sequence. It lets the llama.cpp
 * provider be tested against the real engine without downloading a model.
 *
 * <p>How it counts: attention and feed-forward weights are zero, so each layer adds nothing
 * and the hidden state is the last token's embedding. Embeddings are one-hot: one direction
 * per counting word, one shared direction for every other token. {@code output.weight} maps
 * each direction to the next word with a large logit, so what comes next depends only on the
 * last token. A prompt never ends in a counting word (the tokenizer has no merges that could
 * build one from text), so every answer starts at "one".
 *
 * <p>GGUF v3, little endian, F32 tensors, alignment 32. Dimensions are listed in ggml's order,
 * the innermost first: a matrix that maps n_embd to n_vocab is {@code [n_embd, n_vocab]} and
 * stores one row of n_embd floats per token.
 */
public final class TinyGguf {

    /** What follows "ten": end of sequence, or "one" again for throughput runs that need long answers. */
    public enum Ending { EOS, CYCLE }

    public static final List<String> WORDS = List.of(ChatProviderContract.COUNTING.split(" "));
    public static final String CHATML = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content']"
            + " + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    static final int EMBD = 16;
    static final int FEED_FORWARD = 32;
    static final int HEADS = 2;
    public static final int CONTEXT = 1024;
    static final int UNK = 0;
    static final int BOS = 1;
    static final int EOS = 2;
    static final int FIRST_BYTE = 3;
    static final int FIRST_WORD = FIRST_BYTE + 256 + 2;
    static final int VOCAB = FIRST_WORD + WORDS.size();
    /** Logits are this times the RMS-normalized one-hot state (4 when n_embd is 16): a margin no sampler overrides. */
    private static final float LOGIT = 10f;
    private static final int ALIGNMENT = 32;

    // GGUF value types
    private static final int UINT32 = 4;
    private static final int INT32 = 5;
    private static final int FLOAT32 = 6;
    private static final int BOOL = 7;
    private static final int STRING = 8;
    private static final int ARRAY = 9;
    // llama.cpp token types
    private static final int NORMAL = 1;
    private static final int UNKNOWN = 2;
    private static final int CONTROL = 3;
    private static final int BYTE = 6;

    private TinyGguf() {
    }

    public static Path write(Path file) {
        return write(file, Ending.EOS);
    }

    public static Path write(Path file, Ending ending) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, bytes(ending));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Ending ending) {
        Map<String, float[][]> tensors = tensors(ending);
        Gguf meta = new Gguf();
        meta.key("general.architecture").u32(STRING).str("llama");
        meta.key("general.name").u32(STRING).str("oro-tiny-counter");
        meta.key("general.alignment").u32(UINT32).u32(ALIGNMENT);
        meta.key("llama.context_length").u32(UINT32).u32(CONTEXT);
        meta.key("llama.embedding_length").u32(UINT32).u32(EMBD);
        meta.key("llama.block_count").u32(UINT32).u32(1);
        meta.key("llama.feed_forward_length").u32(UINT32).u32(FEED_FORWARD);
        meta.key("llama.attention.head_count").u32(UINT32).u32(HEADS);
        meta.key("llama.attention.head_count_kv").u32(UINT32).u32(HEADS);
        meta.key("llama.attention.layer_norm_rms_epsilon").u32(FLOAT32).f32(1e-5f);
        meta.key("llama.rope.dimension_count").u32(UINT32).u32(EMBD / HEADS);
        meta.key("llama.rope.freq_base").u32(FLOAT32).f32(10000f);
        meta.key("llama.vocab_size").u32(UINT32).u32(VOCAB);
        meta.key("tokenizer.ggml.model").u32(STRING).str("llama");
        List<String> tokens = tokens();
        meta.key("tokenizer.ggml.tokens").u32(ARRAY).u32(STRING).u64(VOCAB);
        tokens.forEach(meta::str);
        meta.key("tokenizer.ggml.scores").u32(ARRAY).u32(FLOAT32).u64(VOCAB);
        tokens.forEach(t -> meta.f32(0f));
        meta.key("tokenizer.ggml.token_type").u32(ARRAY).u32(INT32).u64(VOCAB);
        for (int id = 0; id < VOCAB; id++) {
            meta.u32(tokenType(id));
        }
        meta.key("tokenizer.ggml.bos_token_id").u32(UINT32).u32(BOS);
        meta.key("tokenizer.ggml.eos_token_id").u32(UINT32).u32(EOS);
        meta.key("tokenizer.ggml.unknown_token_id").u32(UINT32).u32(UNK);
        meta.key("tokenizer.ggml.add_bos_token").u32(BOOL).u8(1);
        meta.key("tokenizer.chat_template").u32(STRING).str(CHATML);

        Gguf out = new Gguf();
        out.raw("GGUF".getBytes(StandardCharsets.US_ASCII)).u32(3).u64(tensors.size()).u64(meta.keys).raw(meta.toByteArray());

        long offset = 0;
        for (Map.Entry<String, float[][]> t : tensors.entrySet()) {
            float[][] rows = t.getValue();
            boolean vector = rows.length == 1;
            out.str(t.getKey()).u32(vector ? 1 : 2).u64(rows[0].length);
            if (!vector) {
                out.u64(rows.length);
            }
            out.u32(0).u64(offset); // type F32, offset from the start of the data section
            offset = align(offset + 4L * rows.length * rows[0].length);
        }
        out.pad();
        for (float[][] rows : tensors.values()) {
            for (float[] row : rows) {
                for (float v : row) {
                    out.f32(v);
                }
            }
            out.pad();
        }
        return out.toByteArray();
    }

    static List<String> tokens() {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
        }
        tokens.add("<|im_start|>");
        tokens.add("<|im_end|>");
        WORDS.forEach(w -> tokens.add("\u2581" + w));
        return tokens;
    }

    private static int tokenType(int id) {
        if (id == UNK) {
            return UNKNOWN;
        }
        if (id == BOS || id == EOS || id == FIRST_WORD - 1 || id == FIRST_WORD - 2) {
            return CONTROL;
        }
        return id < FIRST_WORD ? BYTE : NORMAL;
    }

    /** Direction 0 is shared by every token that is not a counting word; word i has direction i + 1. */
    private static int direction(int token) {
        return token >= FIRST_WORD ? token - FIRST_WORD + 1 : 0;
    }

    private static int successor(int direction, Ending ending) {
        if (direction < WORDS.size()) {
            return FIRST_WORD + direction;
        }
        return ending == Ending.EOS ? EOS : FIRST_WORD;
    }

    private static Map<String, float[][]> tensors(Ending ending) {
        float[][] embeddings = new float[VOCAB][EMBD];
        for (int token = 0; token < VOCAB; token++) {
            embeddings[token][direction(token)] = 1f;
        }
        float[][] output = new float[VOCAB][EMBD];
        for (int direction = 0; direction <= WORDS.size(); direction++) {
            output[successor(direction, ending)][direction] = LOGIT;
        }
        float[][] ones = new float[1][EMBD];
        java.util.Arrays.fill(ones[0], 1f);
        Map<String, float[][]> t = new LinkedHashMap<>();
        t.put("token_embd.weight", embeddings);
        t.put("output_norm.weight", ones);
        t.put("output.weight", output);
        t.put("blk.0.attn_norm.weight", ones);
        t.put("blk.0.attn_q.weight", new float[EMBD][EMBD]);
        t.put("blk.0.attn_k.weight", new float[EMBD][EMBD]);
        t.put("blk.0.attn_v.weight", new float[EMBD][EMBD]);
        t.put("blk.0.attn_output.weight", new float[EMBD][EMBD]);
        t.put("blk.0.ffn_norm.weight", ones);
        t.put("blk.0.ffn_gate.weight", new float[FEED_FORWARD][EMBD]);
        t.put("blk.0.ffn_up.weight", new float[FEED_FORWARD][EMBD]);
        t.put("blk.0.ffn_down.weight", new float[EMBD][FEED_FORWARD]);
        return t;
    }

    private static long align(long n) {
        return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /** A little-endian byte sink with GGUF's primitives. */
    private static final class Gguf extends ByteArrayOutputStream {

        private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        private int keys;

        Gguf raw(byte[] b) {
            write(b, 0, b.length);
            return this;
        }

        Gguf u8(int v) {
            write(v);
            return this;
        }

        Gguf u32(int v) {
            return raw(scratch.clear().putInt(v).array(), 4);
        }

        Gguf u64(long v) {
            return raw(scratch.clear().putLong(v).array(), 8);
        }

        Gguf f32(float v) {
            return raw(scratch.clear().putFloat(v).array(), 4);
        }

        Gguf str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            return u64(b.length).raw(b);
        }

        Gguf key(String k) {
            keys++;
            return str(k);
        }

        Gguf pad() {
            while (size() % ALIGNMENT != 0) {
                write(0);
            }
            return this;
        }

        private Gguf raw(byte[] b, int n) {
            write(b, 0, n);
            return this;
        }
    }
}
