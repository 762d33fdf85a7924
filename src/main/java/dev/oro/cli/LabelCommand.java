package dev.oro.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "label", mixinStandardHelpOptions = true, description = "Point a label (production, staging, any name) at a version.")
class LabelCommand extends LibraryCommand {

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "LABEL")
    String label;

    @Parameters(index = "2", paramLabel = "VERSION")
    int version;

    @Override
    public Integer call() {
        options.library().moveLabel(name, label, version);
        out().println(name + "@" + label + " -> " + version);
        return ExitCode.OK;
    }
}
