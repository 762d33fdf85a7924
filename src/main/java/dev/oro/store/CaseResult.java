package dev.oro.store;

import dev.oro.eval.assertion.AssertionResult;
import java.util.List;
import java.util.Map;

/**
 * One case of a run: a test on a variant (prompt version × model × params) for one repeat,
 * with the output, its figures and its assertions. An error is a result too, with
 * {@code passed = false} and its reason, so that nothing is silently lost.
 *
 * @param caseKey stable key of test × variant × repeat; a resumed run skips keys it has
 */
public record CaseResult(String caseKey, String testId, String variant, int repeat, String prompt, String promptHash, String model,
        String modelIdentity, Map<String, Object> vars, String output, boolean passed, double score, String error,
        String finishReason, Long latencyMs, Integer inputTokens, Integer outputTokens, Double cost, boolean cached,
        List<AssertionResult> assertions) {

    public CaseResult {
        vars = vars == null ? Map.of() : vars;
        assertions = assertions == null ? List.of() : List.copyOf(assertions);
    }
}
