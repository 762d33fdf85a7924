package dev.oro.dataset;

import dev.oro.OroException;
import dev.oro.eval.Datasets;
import dev.oro.eval.TestCase;
import dev.oro.library.PromptLibrary;
import dev.oro.library.PromptRef;
import dev.oro.library.PromptVersion;
import dev.oro.model.ModelRegistry;
import dev.oro.model.ResilientModel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Drafting end to end, for the CLI, the API and the UI alike: ask the model, check the drafts,
 * write the survivors to a new dataset file marked draft, and report the counts.
 */
public final class DraftTests {

    /**
     * Where to write: {@code file} exactly (refused if it exists), or else the first free
     * {@code <prompt>-drafts[-n].yaml} in {@code dir}.
     */
    public record Target(Path file, Path dir) {
    }

    private final PromptLibrary library;
    private final ModelRegistry models;
    private final Similarity similarity;

    public DraftTests(PromptLibrary library, ModelRegistry models, Similarity similarity) {
        this.library = library;
        this.models = models;
        this.similarity = similarity;
    }

    public DraftReport draft(String ref, String model, int count, List<Draft> seeds, Target target) {
        if (count < 1 || count > Drafter.MAX_COUNT) {
            throw OroException.invalid("bad-count", "'count' must be between 1 and " + Drafter.MAX_COUNT + ", not " + count);
        }
        PromptVersion version = library.resolve(PromptRef.parse(ref));
        if (target.file() != null && java.nio.file.Files.exists(target.file())) {
            // Checked before the model is paid for; the write checks again.
            throw DatasetFiles.exists(target.file());
        }
        ResilientModel live = models.model(model);
        List<Object> received = Drafter.ask(live, version, count, seeds);
        DraftCheck.Outcome outcome = new DraftCheck(version.source().frontMatter().variables(), similarity).check(received, seeds);
        Path written = null;
        if (!outcome.kept().isEmpty()) {
            String header = "Test cases drafted by model profile '" + model + "' for " + version.ref() + " (" + version.hash() + ") on "
                    + Instant.now().toString().substring(0, 10) + ".\nThey count in a suite once accepted: oro serve, then Annotate.";
            if (target.file() != null) {
                DraftsFile.create(target.file(), outcome.kept(), version.ref(), header);
                written = target.file();
            } else {
                written = DraftsFile.createFree(target.dir(), version.name() + "-drafts", outcome.kept(), version.ref(), header);
            }
        }
        return new DraftReport(version.ref(), model, count, received.size(), outcome.invalid(), outcome.duplicates(),
                outcome.nearDuplicates(), outcome.kept().size(), outcome.reasons(), written == null ? null : written.toString());
    }

    /** Seed examples from a dataset file (.yaml, .jsonl or .csv), as a suite reads tests. */
    public static List<Draft> seeds(Path file) {
        Path abs = file.toAbsolutePath();
        return Datasets.load(abs.getParent(), abs.getFileName().toString(), "--seed-file").stream().map(DraftTests::seed).toList();
    }

    private static Draft seed(TestCase t) {
        return new Draft(t.description(), t.vars(), Examples.expected(t), Examples.rubric(t));
    }
}
