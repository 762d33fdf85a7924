package dev.oro.cli;

import dev.oro.library.PromptRef;
import dev.oro.render.ChatMessage;
import dev.oro.render.RenderedPrompt;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "render", mixinStandardHelpOptions = true, description = "Render a prompt version into chat messages.")
class RenderCommand extends LibraryCommand {

    @Parameters(paramLabel = "REF", description = "name, name@3 or name@production")
    String ref;

    @Option(names = "--var", paramLabel = "KEY=VALUE",
            description = "A variable; repeat for more. KEY=@FILE reads the value from a file.")
    Map<String, String> vars = new LinkedHashMap<>();

    @Option(names = "--vars-file", paramLabel = "FILE", description = "Variables from a JSON or YAML file (a mapping).")
    Path varsFile;

    @Mixin
    JsonFlag format;

    @Override
    public Integer call() {
        Map<String, Object> variables = Variables.collect(varsFile, vars);
        RenderedPrompt rendered = options.renderer().render(options.library().resolve(PromptRef.parse(ref)), variables);
        rendered.warnings().forEach(w -> err().println("warning: " + w));
        var out = out();
        if (format.json) {
            JsonOutput.print(out, rendered);
            return ExitCode.OK;
        }
        boolean first = true;
        for (ChatMessage m : rendered.messages()) {
            if (!first) {
                out.println();
            }
            out.println(m.role() + ":");
            out.println(m.content());
            first = false;
        }
        return ExitCode.OK;
    }
}
