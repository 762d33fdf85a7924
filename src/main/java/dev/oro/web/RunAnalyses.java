package dev.oro.web;

import dev.oro.eval.Reports;
import dev.oro.store.RunInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statistics of finished runs, kept so that paging through a run of 10,000 results reads its
 * results for the summary once, not on every page. A run that is still going, or was resumed
 * (its finish time changes), is analysed afresh.
 */
@ApplicationScoped
public class RunAnalyses {

    static final int KEPT = 32;

    @Inject
    Reports reports;

    private final Map<String, Reports.Analysis> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Reports.Analysis> eldest) {
            return size() > KEPT;
        }
    };

    public Reports.Analysis of(RunInfo run) {
        if (run.finishedAt() == null) {
            return reports.analysis(run.id());
        }
        String key = run.id() + "@" + run.finishedAt();
        synchronized (cache) {
            Reports.Analysis kept = cache.get(key);
            if (kept != null) {
                return kept;
            }
        }
        Reports.Analysis fresh = reports.analysis(run.id());
        synchronized (cache) {
            cache.put(key, fresh);
        }
        return fresh;
    }
}
