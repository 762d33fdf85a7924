package dev.oro.cli;

import dev.oro.OroException;
import dev.oro.library.Names;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "new", mixinStandardHelpOptions = true, description = "Save a .prompt file as the next version of a prompt (creating the prompt if needed).")
class NewCommand extends LibraryCommand {

    @Parameters(paramLabel = "NAME", description = "The prompt's name.")
    String name;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The .prompt source; - reads standard input.")
    String from;

    @Option(names = "--base", paramLabel = "VERSION",
            description = "The version you edited; refused with nothing written if a newer one exists (0 for a new prompt).")
    Integer base;

    @Override
    public Integer call() throws IOException {
        Names.requirePromptName(name);
        String source = from.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : read(Path.of(from));
        int version = options.library().create(name, source, base);
        out().println(name + "@" + version);
        return ExitCode.OK;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw OroException.invalid("bad-file", "cannot read " + file + (Files.exists(file) ? "" : ": no such file"));
        }
    }
}
