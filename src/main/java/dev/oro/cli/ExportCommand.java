package dev.oro.cli;

import dev.oro.OroException;
import dev.oro.dataset.DatasetFiles;
import dev.oro.dataset.Example;
import dev.oro.dataset.Examples;
import dev.oro.dataset.Exporter;
import dev.oro.eval.SuiteLoader;
import dev.oro.store.AnnotationStore;
import dev.oro.store.Database;
import dev.oro.store.RunStore;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a run's outputs (with their annotations) or a suite's tests as a dataset for fine-tuning.")
class ExportCommand extends LibraryCommand {

    @Parameters(paramLabel = "RUN|SUITE", description = "A run id (oro runs) or a suite file such as evals/qa.yaml.")
    String target;

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT", description = "openai-chat, argilla, hf or csv.")
    String format;

    @Option(names = "--only", paramLabel = "accepted", description = "Only what a person accepted (or edited) on the Annotate page.")
    String only;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here (never over an existing file) instead of stdout.")
    Path output;

    @Override
    public Integer call() {
        Exporter exporter = Exporter.named(format);
        if (only != null && !only.equals("accepted")) {
            throw OroException.invalid("bad-option", "--only takes 'accepted', not '" + only + "'");
        }
        boolean onlyAccepted = only != null;
        Examples examples = new Examples(options.library(), options.renderer());
        List<Example> picked;
        if (Files.isRegularFile(Path.of(target)) || target.endsWith(".yaml") || target.endsWith(".yml")) {
            picked = examples.fromSuite(SuiteLoader.load(Path.of(target)), onlyAccepted);
        } else {
            DataSource db = Database.open(options.dataDir);
            picked = examples.fromRun(new RunStore(db), new AnnotationStore(db), target, onlyAccepted);
        }
        StringWriter text = new StringWriter();
        try {
            exporter.write(picked, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (output == null) {
            out().print(text);
            out().flush();
        } else {
            DatasetFiles.createNew(output, text.toString());
        }
        err().println("exported " + picked.size() + " examples as " + exporter.name() + (output == null ? "" : " to " + output));
        return ExitCode.OK;
    }
}
