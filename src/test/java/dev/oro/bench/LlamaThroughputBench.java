package dev.oro.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import dev.oro.model.ChatProviderContract;
import dev.oro.model.GenerationParams;
import dev.oro.model.LlamaCppProvider;
import dev.oro.model.ModelProfile;
import dev.oro.model.ModelRequest;
import dev.oro.model.Providers;
import dev.oro.model.TinyGguf;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A measurement, not a test: tokens per second of the tiny cycling model through
 * {@link LlamaCppProvider} and through de.kherud's {@code LlamaModel.generate} on the same prompt
 * and parameters. Run by {@code bench/llama-tps.sh}; skipped unless {@code -Doro.bench=true}.
 */
@org.junit.jupiter.api.Tag("native")
class LlamaThroughputBench {

    private static final int TOKENS = 800;
    private static final int CONTEXT = TinyGguf.CONTEXT;

    @TempDir
    Path dir;

    @Test
    void measure() {
        Assumptions.assumeTrue(Boolean.getBoolean("oro.bench"), "a benchmark: run bench/llama-tps.sh");
        int runs = Integer.getInteger("oro.bench.runs", 7);
        Path gguf = TinyGguf.write(dir.resolve("cycle.gguf"), TinyGguf.Ending.CYCLE);
        ModelProfile profile = new ModelProfile("bench", Providers.LLAMA_CPP, "cycle.gguf", null, null, Map.of(), 1, Duration.ofMinutes(5),
                0, null, gguf.toString(), null, null, CONTEXT, "models/bench.yaml");
        ModelRequest request = ChatProviderContract.countingRequest(GenerationParams.from(Map.of("temperature", 0, "maxTokens", TOKENS)));
        // The same model parameters the provider uses, so only the provider's own work differs.
        ModelParameters direct = new ModelParameters().setModel(gguf.toString()).setCtxSize(CONTEXT).setParallel(1)
                .setThreads(Math.max(1, Runtime.getRuntime().availableProcessors())).disableContextShift().enableJinja().disableLog();
        try (LlamaCppProvider provider = new LlamaCppProvider(profile, gguf)) {
            provider.check(); // loads the native library with Oro's quiet loader before LlamaModel is touched
            try (LlamaModel model = new LlamaModel(direct)) {
                String prompt = model.applyTemplate(new InferenceParameters("").setMessages(request.messages().get(0).content(),
                        List.of(new Pair<>("user", request.messages().get(1).content()))));
                double[] oro = new double[runs];
                double[] raw = new double[runs];
                for (int i = -3; i < runs; i++) { // three warm-up rounds
                    double o = viaProvider(provider, request);
                    double r = viaModel(model, prompt);
                    if (i >= 0) {
                        oro[i] = o;
                        raw[i] = r;
                    }
                }
                double oroTps = median(oro);
                double rawTps = median(raw);
                System.out.printf("llama_tps oro=%.0f direct=%.0f ratio=%.3f (median of %d runs, %d tokens each)%n", oroTps, rawTps,
                        oroTps / rawTps, runs, TOKENS);
            }
        }
    }

    private static double viaProvider(LlamaCppProvider provider, ModelRequest request) {
        long start = System.nanoTime();
        int tokens = provider.chat(request, piece -> { }).usage().outputTokens();
        long nanos = System.nanoTime() - start;
        assertEquals(TOKENS, tokens);
        return tokens / (nanos / 1e9);
    }

    private static double viaModel(LlamaModel model, String prompt) {
        long start = System.nanoTime();
        int pieces = 0;
        for (var ignored : model.generate(new InferenceParameters(prompt).setTemperature(0).setNPredict(TOKENS))) {
            pieces++;
        }
        long nanos = System.nanoTime() - start;
        int tokens = pieces - 1; // the last piece only says the answer ended
        assertEquals(TOKENS, tokens);
        return tokens / (nanos / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
