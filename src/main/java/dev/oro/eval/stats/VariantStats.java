package dev.oro.eval.stats;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What one variant (prompt version × model × parameters) did over an eval.
 *
 * @param cases      samples, repeats included
 * @param tests      distinct test ids
 * @param passes     samples that passed; errors never do
 * @param errors     samples that errored, also counted as failures in {@code passes}
 * @param passRate   Wilson interval over samples; with repeats it treats them as independent,
 *                   so read {@code repeated} for what the repeats say
 * @param meanScore  mean over tests of each test's mean score, with a bootstrap interval that
 *                   resamples tests
 * @param repeated   pass@k and pass^k, present only when some test was run more than once
 */
public record VariantStats(
        int cases,
        int tests,
        int passes,
        int errors,
        Interval passRate,
        Interval meanScore,
        double latencyP50Ms,
        double latencyP95Ms,
        long inputTokens,
        long outputTokens,
        double totalCost,
        Optional<PassAtK> repeated) {

    public VariantStats {
        if (passRate == null || meanScore == null || repeated == null) {
            throw new IllegalArgumentException("passRate, meanScore and repeated are required");
        }
    }

    public static VariantStats of(List<CaseOutcome> cases, int k, RandomGenerator rng) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("no cases: a variant needs at least one outcome to describe");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        List<TestTally> tallies = TestTally.of(cases);
        int passes = (int) cases.stream().filter(CaseOutcome::passed).count();
        double[] latencies = cases.stream().mapToDouble(CaseOutcome::latencyMs).toArray();
        boolean hasRepeats = tallies.size() < cases.size();
        return new VariantStats(
                cases.size(),
                tallies.size(),
                passes,
                (int) cases.stream().filter(CaseOutcome::error).count(),
                Wilson.interval(passes, cases.size()),
                new Bootstrap(rng).mean(TestTally.meanScores(tallies)),
                Percentiles.p50(latencies),
                Percentiles.p95(latencies),
                cases.stream().mapToLong(CaseOutcome::inputTokens).sum(),
                cases.stream().mapToLong(CaseOutcome::outputTokens).sum(),
                cases.stream().mapToDouble(CaseOutcome::cost).sum(),
                hasRepeats ? Optional.of(PassAtK.of(tallies, k)) : Optional.empty());
    }
}
