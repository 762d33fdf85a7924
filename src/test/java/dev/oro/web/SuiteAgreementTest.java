package dev.oro.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.eval.assertion.AssertionResult;
import dev.oro.store.RunStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteAgreementTest {

    static RunStore.RatedResult rated(int rating, boolean passed, AssertionResult... assertions) {
        return new RunStore.RatedResult("evals/qa.yaml", "run", "k", rating, passed, List.of(assertions));
    }

    static AssertionResult check(String type, boolean pass) {
        return new AssertionResult(type, pass, pass ? 1 : 0, "", null, 1);
    }

    @Test
    void should_set_humans_against_all_assertions_and_against_the_judge_alone() {
        SuiteAgreement a = SuiteAgreement.of("evals/qa.yaml", List.of(
                rated(1, true, check("contains", true), check("llm-rubric", true)),
                rated(-1, false, check("contains", false), check("llm-rubric", true)),
                rated(-1, false, check("not-factuality", false)),
                rated(1, false, check("contains", false))));
        assertThat(a.rated()).isEqualTo(4);
        assertThat(a.up()).isEqualTo(2);
        assertThat(a.assertions().n()).isEqualTo(4);
        assertThat(a.assertions().observed()).isEqualTo("75.0%");
        assertThat(a.assertions().kappa()).isEqualTo("0.50");
        assertThat(a.assertions().reading()).isEqualTo("moderate");
        // the judge graded three of them: it passed one the human rated bad
        assertThat(a.judge().n()).isEqualTo(3);
        assertThat(a.judge().observed()).isEqualTo("66.7%");
        assertThat(a.judge().kappa()).isEqualTo("0.40");
    }

    @Test
    void should_have_no_judge_figures_when_no_rated_output_was_judged() {
        SuiteAgreement a = SuiteAgreement.of("evals/qa.yaml", List.of(rated(1, true, check("contains", true))));
        assertThat(a.judge()).isNull();
        assertThat(a.assertions().kappa()).isNull();
        assertThat(SuiteAgreement.of("evals/qa.yaml", List.of()).rated()).isZero();
    }
}
