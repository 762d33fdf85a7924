package dev.oro.eval.assertion;

import static dev.oro.eval.assertion.Check.entry;
import static dev.oro.eval.assertion.Check.problem;
import static dev.oro.eval.assertion.Check.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CallFiguresTest {

    private static final Output CALL = new Output("ok", Map.of(), 850L, 0.0042, "stop");

    @Test
    void should_pass_latency_within_the_limit_given_as_value_or_threshold() {
        assertThat(run(entry("latency", 1000), CALL).pass()).isTrue();
        assertThat(run(Map.of("type", "latency", "threshold", 1000), CALL).reason()).isEqualTo("latency 850 ms is within 1000 ms");
        AssertionResult slow = run(entry("latency", 500), CALL);

        assertThat(slow.pass()).isFalse();
        assertThat(slow.reason()).isEqualTo("latency 850 ms is over 500 ms");
    }

    @Test
    void should_fail_latency_clearly_when_the_output_has_none() {
        AssertionResult r = run("latency", 1000, "typed by hand");

        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("output has no latency: it did not come from a model call");
    }

    @Test
    void should_check_cost_in_usd() {
        assertThat(run(entry("cost", 0.01), CALL).pass()).isTrue();
        assertThat(run(entry("cost", 0.001), CALL).reason()).isEqualTo("cost 0.0042 USD is over 0.001 USD");
        assertThat(run("cost", 0.01, "no call").reason()).isEqualTo("output has no cost: it did not come from a model call");
    }

    @Test
    void should_compare_the_finish_reason_ignoring_case() {
        assertThat(run(entry("finish-reason", "STOP"), CALL).pass()).isTrue();
        AssertionResult r = run(entry("finish-reason", "length"), CALL);

        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("finish reason 'stop' is not 'length'");
        assertThat(run("finish-reason", "stop", "no call").reason()).isEqualTo("output has no finish reason: it did not come from a model call");
    }

    @Test
    void should_refuse_a_latency_without_a_limit() {
        assertThat(problem("latency", null)).endsWith(
                ": latency needs the largest latency in milliseconds (or give it as threshold) as value (value is missing)");
        assertThat(problem("cost", "cheap")).contains("cost needs the largest cost in USD");
    }
}
