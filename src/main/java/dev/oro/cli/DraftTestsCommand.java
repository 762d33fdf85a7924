package dev.oro.cli;

import dev.oro.dataset.DraftReport;
import dev.oro.dataset.DraftTests;
import dev.oro.dataset.EmbeddingSimilarity;
import dev.oro.dataset.LexicalSimilarity;
import dev.oro.dataset.Similarity;
import dev.oro.eval.MiniLmEmbeddings;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "draft-tests", mixinStandardHelpOptions = true,
        description = "Ask a model to draft test cases for a prompt; they are written marked draft and count once accepted.")
class DraftTestsCommand extends LibraryCommand {

    @Parameters(paramLabel = "REF", description = "The prompt, e.g. summarize@production.")
    String ref;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "PROFILE", description = "The model profile that drafts.")
    String model;

    @Option(names = {"-n", "--count"}, defaultValue = "10", paramLabel = "N", description = "How many cases to ask for (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed-file", paramLabel = "FILE", description = "Example cases to learn from and not repeat (.yaml, .jsonl or .csv).")
    Path seedFile;

    @Option(names = "--suite", paramLabel = "SUITE", description = "Write next to this suite, in its data/ folder.")
    Path suite;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write exactly this new file (.yaml or .jsonl).")
    Path output;

    @Option(names = "--similarity", paramLabel = "minilm|lexical", defaultValue = "minilm",
            description = "How near-duplicates are found: minilm (meaning, local embeddings) or lexical (shared words). Default: ${DEFAULT-VALUE}.")
    String similarityName;

    @Option(names = "--near-duplicate", paramLabel = "SCORE",
            description = "Similarity from which a draft is a near-duplicate (default: 0.9 for minilm, 0.8 for lexical).")
    Double threshold;

    @Override
    public Integer call() {
        if (output != null && suite != null) {
            throw dev.oro.OroException.invalid("bad-option", "give --suite or -o, not both");
        }
        Path dir = (suite == null ? Path.of("evals") : suite.toAbsolutePath().getParent()).resolve("data");
        List<dev.oro.dataset.Draft> seeds = seedFile == null ? List.of() : DraftTests.seeds(seedFile);
        Similarity similarity = switch (similarityName) {
            case "minilm" -> new EmbeddingSimilarity(MiniLmEmbeddings.shared(), threshold == null ? EmbeddingSimilarity.DEFAULT_THRESHOLD : threshold);
            case "lexical" -> new LexicalSimilarity(threshold == null ? LexicalSimilarity.DEFAULT_THRESHOLD : threshold);
            default -> throw dev.oro.OroException.invalid("bad-option", "--similarity takes minilm or lexical, not '" + similarityName + "'");
        };
        return withModels((registry, executor) -> {
            DraftReport report = new DraftTests(options.library(), registry, similarity).draft(ref, model, count, seeds,
                    new DraftTests.Target(output, dir));
            report.reasons().forEach(r -> err().println("dropped " + r));
            out().println(report.counts());
            if (report.file() == null) {
                err().println("oro: no draft survived the checks; nothing was written");
                return ExitCode.ERROR;
            }
            err().println("wrote " + report.file() + " (every case marked status: draft)");
            err().println("next: list it under 'tests:' in your suite, then accept or reject each draft on the Annotate page (oro serve)");
            return ExitCode.OK;
        });
    }
}
