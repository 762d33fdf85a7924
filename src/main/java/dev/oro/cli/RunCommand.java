package dev.oro.cli;

import dev.oro.model.Completions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Render a prompt and run it on one or more model profiles; one model streams its answer.")
class RunCommand extends LibraryCommand {

    @Parameters(paramLabel = "REF", description = "name, name@3 or name@production")
    String ref;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "PROFILE", description = "A profile in models/; repeat to compare.")
    List<String> models;

    @Option(names = "--var", paramLabel = "KEY=VALUE", description = "A variable; repeat for more. KEY=@FILE reads a file.")
    Map<String, String> vars = new LinkedHashMap<>();

    @Option(names = "--vars-file", paramLabel = "FILE", description = "Variables from a JSON or YAML file.")
    Path varsFile;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE",
            description = "A model parameter, overriding the prompt's and the profile's: temperature=0, maxTokens=200, seed=7.")
    Map<String, String> params = new LinkedHashMap<>();

    @Mixin
    JsonFlag format;

    @Override
    public Integer call() {
        return withModels((registry, executor) -> {
            Completions completions = new Completions(options.library(), options.renderer(), registry, executor);
            Completions.Request request = new Completions.Request(ref, null, Variables.collect(varsFile, vars), models, typed(params));
            boolean streaming = !format.json && models.size() == 1;
            Completions.Result result = completions.complete(request, streaming ? new Streamer(out()) : null);
            result.warnings().forEach(w -> err().println("warning: " + w));
            if (format.json) {
                JsonOutput.print(out(), result);
            } else {
                for (Completions.Output o : result.outputs()) {
                    if (!streaming) {
                        out().println("== " + o.model() + " ==");
                        out().println(o.error() == null ? o.text() : "");
                    }
                    err().println(summary(o));
                }
            }
            return result.outputs().stream().anyMatch(o -> o.error() != null) ? ExitCode.ERROR : ExitCode.OK;
        });
    }

    /** Prints text as it arrives, so a slow local model shows progress. */
    private record Streamer(PrintWriter out) implements Completions.Listener {
        @Override
        public void token(String model, String text) {
            out.print(text);
            out.flush();
        }

        @Override
        public void done(Completions.Output output) {
            if (output.error() == null) {
                out.println();
            }
        }
    }

    static String summary(Completions.Output o) {
        if (o.error() != null) {
            return "oro: " + o.model() + ": " + o.error();
        }
        String ttft = o.firstTokenMs() == null ? "" : String.format(Locale.ROOT, " · first token %d ms", o.firstTokenMs());
        return String.format(Locale.ROOT, "[%s] %s · %d+%d tokens · %d ms%s · $%.6f · %s", o.model(), o.finishReason(),
                o.usage().inputTokens(), o.usage().outputTokens(), o.latencyMs(), ttft, o.cost(), o.modelIdentity());
    }

    /** Command-line values are text; numbers and booleans become what the params check expects. */
    static Map<String, Object> typed(Map<String, String> raw) {
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k, typed(v)));
        return out;
    }

    static Object typed(String v) {
        return dev.oro.eval.Sweep.typed(v);
    }
}
