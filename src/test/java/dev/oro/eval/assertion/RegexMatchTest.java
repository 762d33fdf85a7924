package dev.oro.eval.assertion;

import static dev.oro.eval.assertion.Check.WHERE;
import static dev.oro.eval.assertion.Check.problem;
import static dev.oro.eval.assertion.Check.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegexMatchTest {

    @Test
    void should_find_the_pattern_anywhere_in_the_output() {
        AssertionResult r = run("regex", "\\d{4}-\\d{2}", "Released in 2024-05, then");

        assertThat(r.pass()).isTrue();
        assertThat(r.reason()).isEqualTo("output matches /\\d{4}-\\d{2}/ with '2024-05'");
    }

    @Test
    void should_fail_when_nothing_matches() {
        AssertionResult r = run("regex", "^\\d+$", "12 apples");

        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("output has no match for /^\\d+$/");
    }

    @Test
    void should_refuse_an_invalid_regex_when_the_suite_is_read() {
        assertThat(problem("regex", "(unclosed")).isEqualTo(WHERE
                + ": regex '(unclosed' is not a valid Java regular expression: Unclosed group near index 9");
    }

    @Test
    void should_refuse_a_list_as_a_regex() {
        assertThat(problem("regex", java.util.List.of("a"))).endsWith(": regex needs a string as value, got '[a]'");
    }
}
