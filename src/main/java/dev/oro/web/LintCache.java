package dev.oro.web;

import dev.oro.library.PromptVersion;
import dev.oro.lint.Finding;
import dev.oro.lint.Linter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lint findings of saved versions, keyed by file hash. A version is immutable, so its findings
 * never go stale, and the library page lints each file once instead of on every keystroke of
 * its search box. A file edited by hand gets a new hash and is linted afresh.
 */
@ApplicationScoped
public class LintCache {

    private static final int LIMIT = 5_000;
    private final Map<String, List<Finding>> byHash = new ConcurrentHashMap<>();

    public List<Finding> findings(PromptVersion version) {
        List<Finding> hit = byHash.get(version.hash());
        if (hit != null) {
            return hit;
        }
        List<Finding> findings = Linter.lint(version.source());
        if (byHash.size() >= LIMIT) {
            byHash.clear();
        }
        byHash.put(version.hash(), findings);
        return findings;
    }

    /** The rules a version breaks, each once, in rule order. */
    public List<String> rules(PromptVersion version) {
        return findings(version).stream().map(Finding::rule).distinct().sorted().toList();
    }
}
