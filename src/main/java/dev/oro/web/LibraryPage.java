package dev.oro.web;

import dev.oro.OroException;
import dev.oro.library.PromptInfo;
import dev.oro.library.PromptLibrary;
import dev.oro.library.PromptVersion;
import dev.oro.lint.GoldenRule;
import dev.oro.store.RunStore;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * The first page: the prompt library at a glance, with search and filters. The filter form is
 * a plain GET form, so a filtered library is a link; htmx only swaps the table in place.
 */
@Path("/")
public class LibraryPage {

    private static final Logger LOG = Logger.getLogger(LibraryPage.class);

    /** What the filter form asked for; blank means "any". */
    public record Filter(String q, String tag, String rule) {

        public Filter {
            q = q == null ? "" : q.strip();
            tag = tag == null ? "" : tag.strip();
            rule = rule == null ? "" : rule.strip();
        }

        public boolean any() {
            return !q.isEmpty() || !tag.isEmpty() || !rule.isEmpty();
        }
    }

    public record Option(String value, String text, boolean selected) {
    }

    public record Label(String name, int version) {
    }

    /** The pass rate of the newest completed run that used the prompt. */
    public record Score(String runId, long passed, long total, String percent, String level) {
    }

    /** {@code linted} names the version the rule badges describe: production if labelled, else the latest. */
    public record Row(String name, String description, List<String> tags, int versions, int latest, List<Label> labels,
            String linted, List<String> rules, Score score) {
    }

    public record View(String root, Filter filter, List<Row> rows, int total, List<Option> tags, List<Option> rules) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance library(View view);

        static native TemplateInstance library$rows(View view);
    }

    @Inject
    PromptLibrary library;

    @Inject
    LintCache lint;

    @Inject
    RunStore runs;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@QueryParam("q") String q, @QueryParam("tag") String tag, @QueryParam("rule") String rule,
            @HeaderParam("HX-Target") String target) {
        View view = view(new Filter(q, tag, rule));
        // htmx asks for the table only; a plain GET (a shared link, a reload) gets the page.
        return "prompt-rows".equals(target) ? Templates.library$rows(view) : Templates.library(view);
    }

    private View view(Filter filter) {
        Map<String, RunStore.PromptScore> scores = scores();
        List<Row> all = new ArrayList<>();
        TreeSet<String> tags = new TreeSet<>();
        for (PromptInfo p : library.list()) {
            tags.addAll(p.tags());
            all.add(row(p, scores.get(p.name())));
        }
        List<Row> shown = all.stream().filter(r -> matches(r, filter)).toList();
        List<Option> tagOptions = tags.stream().map(t -> new Option(t, t, t.equals(filter.tag()))).toList();
        List<Option> ruleOptions = new ArrayList<>();
        for (GoldenRule rule : GoldenRule.values()) {
            String id = rule.name();
            ruleOptions.add(new Option(id, "violates " + id + " · " + rule.title(), id.equals(filter.rule())));
        }
        ruleOptions.add(new Option("clean", "follows every rule", "clean".equals(filter.rule())));
        return new View(library.root().toString(), filter, shown, all.size(), tagOptions, ruleOptions);
    }

    private Row row(PromptInfo p, RunStore.PromptScore score) {
        Integer production = p.labels().get("production");
        int linted = production != null ? production : p.latestVersion();
        List<String> rules;
        try {
            PromptVersion v = library.version(p.name(), linted);
            rules = lint.rules(v);
        } catch (OroException broken) {
            // A hand-broken file must not take the library page down with it.
            rules = List.of();
        }
        List<Label> labels = p.labels().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Label(e.getKey(), e.getValue())).toList();
        return new Row(p.name(), p.description(), p.tags(), p.versions().size(), p.latestVersion(), labels,
                (production != null ? "production" : "latest") + " · v" + linted, rules, score == null ? null : score(score));
    }

    private static Score score(RunStore.PromptScore s) {
        double rate = s.passRate();
        String level = rate >= 0.8 ? "pass" : rate >= 0.5 ? "sev-warning" : "fail";
        return new Score(s.runId(), s.passed(), s.total(), Math.round(rate * 100) + "%", level);
    }

    private static boolean matches(Row r, Filter f) {
        String q = f.q().toLowerCase(Locale.ROOT);
        boolean text = q.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(q)
                || (r.description() != null && r.description().toLowerCase(Locale.ROOT).contains(q))
                || r.tags().stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(q));
        boolean tag = f.tag().isEmpty() || r.tags().contains(f.tag());
        boolean rule = f.rule().isEmpty() || (f.rule().equals("clean") ? r.rules().isEmpty() : r.rules().contains(f.rule()));
        return text && tag && rule;
    }

    private Map<String, RunStore.PromptScore> scores() {
        try {
            return runs.latestScores();
        } catch (OroException unavailable) {
            // The library lives in files; a database outage only hides the scores.
            LOG.warn("run scores unavailable: " + unavailable.detail());
            return Map.of();
        }
    }
}
