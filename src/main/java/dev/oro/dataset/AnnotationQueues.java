package dev.oro.dataset;

import dev.oro.OroException;
import dev.oro.eval.assertion.AssertionResult;
import dev.oro.render.ChatMessage;
import dev.oro.store.Annotation;
import dev.oro.store.AnnotationQueue;
import dev.oro.store.AnnotationStore;
import dev.oro.store.CaseResult;
import dev.oro.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Annotation queues over a run's results or a drafts file: which items a filter picks, what one
 * item shows, and what a decision changes. Accepting or rejecting a draft also writes its status
 * into the drafts file, so the suite counts it (or never will).
 */
public final class AnnotationQueues {

    public static final List<String> RUN_FILTERS = List.of("all", "failures", "disagreements", "unrated");
    public static final List<String> ACTIONS = List.of("accept", "reject", "edit", "note");
    private static final Set<String> JUDGED = Set.of("llm-rubric", "factuality", "answer-relevance", "g-eval", "select-best");
    private static final String RUN = "run:";
    private static final String DRAFTS = "drafts:";

    /** One item as the page shows it; {@code output} is null for a draft, {@code rubric} for a result. */
    public record Item(int number, int total, String key, boolean draft, String prompt, String model, List<ChatMessage> messages,
            String output, String expected, String rubric, String error, List<AssertionResult> assertions, Annotation annotation,
            String status, Integer rating) {

        public int previous() {
            return number - 1;
        }

        public int following() {
            return number + 1;
        }

        public boolean passed() {
            return "passed".equals(status);
        }

        public boolean thumbsUp() {
            return rating != null && rating > 0;
        }

        /** What the edit box starts with: the person's last edit, else the answer on show. */
        public String ideal() {
            return annotation.ideal() != null ? annotation.ideal() : draft ? (expected == null ? "" : expected) : output == null ? "" : output;
        }
    }

    private final RunStore runs;
    private final AnnotationStore store;
    private final Examples examples;
    private final Path evals;

    public AnnotationQueues(RunStore runs, AnnotationStore store, Examples examples, Path evals) {
        this.runs = runs;
        this.store = store;
        this.examples = examples;
        this.evals = evals.toAbsolutePath().normalize();
    }

    public static String draftsSource(String relative) {
        return DRAFTS + relative;
    }

    /** The run id of a run's source, or null for a drafts file. */
    public static String runOf(String source) {
        return source.startsWith(RUN) ? source.substring(RUN.length()) : null;
    }

    /** Drafts files in the evals folder (any .yaml or .jsonl whose entries have a status), relative to it. */
    public List<String> draftFiles() {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(evals)) {
            return out;
        }
        try (var files = Files.walk(evals, 3)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                if ((name.endsWith(".yaml") || name.endsWith(".jsonl")) && Files.size(p) < 8_000_000
                        && Files.readString(p).contains("draftedFor")) {
                    out.add(evals.relativize(p).toString().replace('\\', '/'));
                }
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return out;
        }
        return out;
    }

    public AnnotationQueue create(String source, String filter) {
        if (source == null || source.isBlank()) {
            throw OroException.invalid("bad-queue", "choose a run or a drafts file to annotate");
        }
        List<String> items = new ArrayList<>();
        if (source.startsWith(DRAFTS)) {
            Path file = draftsFile(source);
            List<Map<String, Object>> entries = DraftsFile.entries(file);
            for (int i = 0; i < entries.size(); i++) {
                if (!"drafts".equals(filter) || "draft".equals(entries.get(i).get("status"))) {
                    items.add(file.getFileName() + ":" + (i + 1));
                }
            }
        } else if (source.startsWith(RUN)) {
            String runId = runs.require(runOf(source)).id();
            if (!RUN_FILTERS.contains(filter)) {
                throw OroException.invalid("bad-queue", "filter must be one of " + String.join(", ", RUN_FILTERS) + ", not '" + filter + "'");
            }
            Map<String, Integer> ratings = ratings(runId);
            Map<String, Annotation> notes = store.annotations(source);
            runs.results(runId, r -> {
                if (picked(filter, r, ratings.get(r.caseKey()), notes.get(r.caseKey()))) {
                    items.add(r.caseKey());
                }
            });
        } else {
            throw OroException.invalid("bad-queue", "unknown source '" + source + "': a run (run:ID) or a drafts file (drafts:PATH)");
        }
        if (items.isEmpty()) {
            throw OroException.invalid("empty-queue", "nothing to annotate: no item of " + source + " matches '" + filter + "'");
        }
        return store.createQueue(source, filter, items);
    }

    private static boolean picked(String filter, CaseResult r, Integer rating, Annotation a) {
        return switch (filter) {
            case "failures" -> !r.passed();
            case "unrated" -> rating == null && (a == null || a.decision() == null);
            case "disagreements" -> {
                List<AssertionResult> judged = r.assertions().stream().filter(x -> JUDGED.contains(x.type())).toList();
                Boolean human = rating != null ? Boolean.valueOf(rating > 0) : a != null && a.decision() != null ? a.accepted() : null;
                yield !judged.isEmpty() && human != null && judged.stream().allMatch(AssertionResult::pass) != human;
            }
            default -> true;
        };
    }

    /** Item {@code number} (1-based) of the queue; showing it is where the person now is. */
    public Item item(AnnotationQueue q, int number) {
        if (number < 1 || number > q.size()) {
            throw OroException.notFound("item-not-found", "queue " + q.id() + " has items 1 to " + q.size() + ", not " + number);
        }
        String key = q.items().get(number - 1);
        Annotation a = store.annotation(q.source(), key);
        if (q.source().startsWith(DRAFTS)) {
            List<Map<String, Object>> entries = DraftsFile.entries(draftsFile(q.source()));
            int index = index(key);
            if (index < 0 || index >= entries.size()) {
                // The file was shortened by hand since the queue was made.
                throw OroException.notFound("draft-not-found", draftsFile(q.source()) + " has no entry " + (index + 1)
                        + " any more; start a new queue from it");
            }
            Map<String, Object> e = entries.get(index);
            Map<String, Object> vars = e.get("vars") instanceof Map<?, ?> m ? cast(m) : Map.of();
            String prompt = String.valueOf(e.getOrDefault("draftedFor", ""));
            List<ChatMessage> messages = prompt.isEmpty() ? List.of() : examples.render(prompt, vars, key).messages();
            return new Item(number, q.size(), key, true, prompt, null, messages, null, assertion(e, "similar"), assertion(e, "llm-rubric"),
                    null, List.of(), a, String.valueOf(e.get("status")), null);
        }
        String runId = runOf(q.source());
        CaseResult r = runs.result(runId, key).orElseThrow(() -> OroException.notFound("result-not-found",
                "run '" + runId + "' has no result '" + key + "'"));
        List<ChatMessage> messages = examples.render(r.prompt(), r.vars(), key).messages();
        return new Item(number, q.size(), key, false, r.prompt(), r.model(), messages, r.output(), null, null, r.error(), r.assertions(),
                a, r.passed() ? "passed" : "failed", ratings(runId).get(key));
    }

    /** Applies accept, reject, edit (the ideal answer) or note to item {@code number}. */
    public void apply(AnnotationQueue q, int number, String action, String ideal, String note) {
        Item item = item(q, number);
        Annotation a = item.annotation();
        Annotation next = switch (action == null ? "" : action) {
            case "accept" -> a.withDecision(Annotation.ACCEPTED);
            case "reject" -> a.withDecision(Annotation.REJECTED);
            case "edit" -> {
                if (ideal == null || ideal.isBlank()) {
                    throw OroException.invalid("bad-annotation", "the ideal answer is empty; write it, or reject the item");
                }
                yield a.withIdeal(ideal.replace("\r\n", "\n"));
            }
            case "note" -> a.withNote(note == null || note.isBlank() ? null : note.replace("\r\n", "\n"));
            default -> throw OroException.invalid("bad-annotation", "action must be one of " + String.join(", ", ACTIONS) + ", not '"
                    + action + "'");
        };
        if (item.draft() && next.decision() != null && !action.equals("note")) {
            DraftsFile.decide(draftsFile(q.source()), index(item.key()), next.decision(), next.ideal());
        }
        store.save(next);
    }

    private Map<String, Integer> ratings(String runId) {
        Map<String, Integer> out = new HashMap<>();
        runs.ratings(runId).forEach(r -> out.put(r.caseKey(), r.rating()));
        return out;
    }

    private Path draftsFile(String source) {
        Path file = evals.resolve(source.substring(DRAFTS.length())).normalize();
        if (!file.startsWith(evals) || !Files.isRegularFile(file)) {
            throw OroException.notFound("drafts-not-found", "no drafts file " + source.substring(DRAFTS.length()) + " in the evals folder");
        }
        return file;
    }

    private static int index(String key) {
        return Integer.parseInt(key.substring(key.lastIndexOf(':') + 1)) - 1;
    }

    private static String assertion(Map<String, Object> entry, String type) {
        if (entry.get("assert") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && type.equals(m.get("type")) && m.get("value") != null) {
                    return m.get("value").toString();
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
