package dev.oro.cli;

import dev.oro.OroException;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./oro}: the entry point of the packaged app. Every command but {@code serve} runs as
 * plain Java without starting Quarkus, so it answers fast and binds no port.
 */
@QuarkusMain
@Command(name = "oro", mixinStandardHelpOptions = true, version = "Oro 0.1.0",
        description = "Prompt engineering for the JVM: versioned prompts, sandboxed rendering, evals.",
        subcommands = {ListCommand.class, ShowCommand.class, RenderCommand.class, DiffCommand.class, NewCommand.class,
                LabelCommand.class, RunCommand.class, ModelsCommand.class, EvalCommand.class, RunsCommand.class, ShowRunCommand.class, LintCommand.class, VariantsCommand.class, AblateCommand.class, ExportCommand.class, DraftTestsCommand.class, ServeCommand.class})
public class OroCommand implements Runnable {

    public static void main(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs a command line with the given streams; what tests call. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new OroCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("oro: " + message(e));
            return ExitCode.ERROR;
        });
        return cli.execute(args);
    }

    static String message(Exception e) {
        if (e instanceof OroException oro) {
            return oro.detail();
        }
        if (e instanceof java.io.UncheckedIOException io) {
            return "cannot read or write " + io.getCause().getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
