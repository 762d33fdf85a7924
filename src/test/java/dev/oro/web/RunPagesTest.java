package dev.oro.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.oro.api.EvalLibrary;
import dev.oro.eval.assertion.AssertionResult;
import dev.oro.store.CaseResult;
import dev.oro.store.RunStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(EvalLibrary.class)
class RunPagesTest {

    @Inject
    RunStore store;

    /** A finished run written straight through the store: {@code tests} tests × two variants, every third failing on one. */
    static String bigRun(RunStore store, int tests) {
        String id = UUID.randomUUID().toString();
        store.createRun(id, "evals/big.yaml", "ten thousand results", "{}");
        for (int t = 1; t <= tests; t++) {
            for (String variant : List.of("big@1 · fake", "big@2 · fake")) {
                boolean passed = !(variant.endsWith("1 · fake") && t % 3 == 0);
                store.record(id, new CaseResult(UUID.randomUUID().toString().replace("-", ""), "t" + t, variant, 0, "big@1", "sha256:0",
                        "fake", null, Map.of("n", t), "answer " + t, passed, passed ? 1 : 0, null, "stop", 5L, 3, 2, 0.0, false,
                        List.of(new AssertionResult("contains", passed, passed ? 1 : 0, passed ? "found" : "not found", null, 1))));
            }
        }
        store.finish(id, "completed");
        return id;
    }

    static int rows(String html) {
        Matcher m = Pattern.compile("<tr class=\"result-row").matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void should_render_one_page_of_rows_for_a_run_of_ten_thousand_results() {
        String id = bigRun(store, 5_000);
        assertThat(store.summary(id).cases()).isEqualTo(10_000);
        String first = given().get("/runs/" + id).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Page 1 of 100")).body(containsString("Rows 1–50 of 5000")).extract().asString();
        assertThat(rows(first)).isEqualTo(RunPage.ROWS);
        assertThat(first).contains(">t1<", ">t50<").doesNotContain(">t51<");
        String last = given().queryParam("page", 100).get("/runs/" + id).then().statusCode(200).extract().asString();
        assertThat(rows(last)).isEqualTo(50);
        assertThat(last).contains(">t5000<").doesNotContain(">t1<");
        // every third test fails on one variant: 1,666 rows, the disagreeing rows are the same ones
        String failures = given().queryParam("filter", "failures").get("/runs/" + id).then().statusCode(200)
                .body(containsString("Rows 1–50 of 1666")).extract().asString();
        assertThat(rows(failures)).isEqualTo(50);
        assertThat(failures).contains(">t3 <span class=\"tag-disagree\"").doesNotContain(">t1<");
        given().queryParam("filter", "disagree").queryParam("page", 34).get("/runs/" + id).then().statusCode(200)
                .body(containsString("Page 34 of 34"));
    }

    @Test
    void should_answer_bad_pages_filters_and_ids_with_an_error_page() {
        String id = bigRun(store, 3);
        given().queryParam("page", 2).get("/runs/" + id).then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("there is no page 2: pages run from 1 to 1"));
        given().queryParam("page", "abc").get("/runs/" + id).then().statusCode(400).body(containsString("&#39;page&#39; must be a whole number"));
        given().queryParam("page", "-1").get("/runs").then().statusCode(400).body(containsString("there is no page -1"));
        given().queryParam("filter", "odd").get("/runs/" + id).then().statusCode(400).body(containsString("must be all, failures or disagree"));
        given().get("/runs/nope").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("no run with id &#39;nope&#39;")).body(not(containsString("Exception")));
        given().get("/runs/" + id + "/results/nope").then().statusCode(404).body(containsString("has no result"));
        given().get("/runs/" + id + "/results/diff").then().statusCode(400).body(containsString("needs &#39;test&#39; and &#39;repeat&#39;"));
        given().queryParam("test", "t1").queryParam("repeat", 0).queryParam("a", 5).get("/runs/" + id + "/results/diff").then()
                .statusCode(400).body(containsString("&#39;a&#39; and &#39;b&#39; must be from 0 to 1"));
        given().queryParam("a", id).queryParam("b", "nope").get("/runs/compare").then().statusCode(404)
                .body(containsString("no run with id"));
    }

    @Test
    void should_start_a_suite_from_the_form_and_refuse_a_bad_one_with_the_reason() {
        String location = given().redirects().follow(false).formParam("suite", "count.yaml").formParam("repeat", "1").post("/runs").then()
                .statusCode(303).extract().header("Location");
        assertThat(location).matches(".*/runs/[0-9a-f-]{36}$");
        given().formParam("suite", "../outside.yaml").post("/runs").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("must name a file inside the evals folder")).body(containsString("<form"));
        given().formParam("suite", "missing.yaml").post("/runs").then().statusCode(404).body(containsString("no suite file"));
        given().formParam("suite", "count.yaml").formParam("repeat", "many").post("/runs").then().statusCode(400)
                .body(containsString("&#39;repeat&#39; must be a whole number"));
        given().get("/runs").then().statusCode(200).body(containsString("count.yaml")).body(containsString("Start run"));
    }

    @Test
    void should_show_outputs_as_text_never_as_markup() {
        String id = UUID.randomUUID().toString();
        store.createRun(id, "evals/<b>xss</b>.yaml", "<img src=x onerror=alert(1)>", "{}");
        String payload = "<script>alert('x')</script>";
        store.record(id, new CaseResult("k1", "t<i>1</i>", "v<script>", 0, "p", "sha256:0", "fake", null, Map.of("q", payload), payload,
                false, 0, null, null, null, null, null, null, false, List.of(new AssertionResult("contains", false, 0, payload, null, 1))));
        store.finish(id, "completed");
        String page = given().get("/runs/" + id).then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("<script>alert", "<img src=x", "<b>xss", "<i>1</i>", "v<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&lt;b&gt;xss&lt;/b&gt;");
        given().get("/runs/" + id + "/results/k1").then().statusCode(200).body(not(containsString("<script>alert")))
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        given().get("/runs").then().statusCode(200).body(not(containsString("<b>xss")));
    }

    @Test
    void should_save_a_rating_from_the_page_and_show_agreement_with_the_verdicts() {
        String id = bigRun(store, 4);
        List<CaseResult> results = store.results(id);
        CaseResult passing = results.stream().filter(CaseResult::passed).findFirst().orElseThrow();
        CaseResult failing = results.stream().filter(r -> !r.passed()).findFirst().orElseThrow();
        given().formParam("rating", "1").formParam("comment", "right <b>on</b>").put("/runs/" + id + "/results/" + passing.caseKey() + "/rating")
                .then().statusCode(200).body(containsString("Saved")).body(containsString("right &lt;b&gt;on&lt;/b&gt;"))
                .body(containsString("hx-swap-oob"));
        given().formParam("rating", "1").put("/runs/" + id + "/results/" + failing.caseKey() + "/rating").then().statusCode(200);
        given().formParam("rating", "7").put("/runs/" + id + "/results/" + failing.caseKey() + "/rating").then().statusCode(400)
                .body(containsString("must be 1 (thumbs up) or -1"));
        JsonPath ratings = given().get("/api/runs/" + id + "/ratings").then().statusCode(200).extract().jsonPath();
        assertThat(ratings.getList("rating")).containsExactlyInAnyOrder(1, 1);
        // two thumbs up against one pass and one fail: agreement 50%; the humans never said no, so kappa says nothing
        given().get("/runs/" + id).then().statusCode(200).body(containsString("2 rated outputs")).body(containsString("50.0%"))
                .body(containsString("undefined while the ratings, or the verdicts, are all the same"));
        given().get("/ratings").then().statusCode(200).body(containsString("evals/big.yaml")).body(containsString("Cohen"));
    }

    @Test
    void should_compare_two_runs_with_the_flipped_cases_and_the_verdict() {
        String a = bigRun(store, 30);
        String b = UUID.randomUUID().toString();
        store.createRun(b, "evals/big.yaml", null, "{}");
        for (CaseResult r : store.results(a)) {
            store.record(b, new CaseResult(r.caseKey(), r.testId(), r.variant(), 0, r.prompt(), r.promptHash(), r.model(), null, r.vars(),
                    r.passed() ? r.output() : "fixed " + r.output(), true, 1, null, null, null, null, null, null, false, List.of()));
        }
        store.finish(b, "completed");
        given().queryParam("a", a).queryParam("b", b).get("/runs/compare").then().statusCode(200)
                .body(containsString("10 flipped")).body(containsString("beats"))
                .body(containsString("<ins>fixed </ins>answer"));
        given().get("/runs/compare").then().statusCode(200).body(containsString("Pick two runs"));
    }

    @Test
    void should_diff_two_outputs_of_a_row_word_by_word() {
        String id = bigRun(store, 3);
        given().queryParam("test", "t3").queryParam("repeat", 0).get("/runs/" + id + "/results/diff").then().statusCode(200)
                .body(containsString("identical outputs"));
        assertThat(WordDiff.of("the cat sat", "the dog sat").changes()).isEqualTo(2);
        assertThat(WordDiff.of("a b", "a b c").right()).extracting(WordDiff.Segment::text, WordDiff.Segment::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a b", WordDiff.Kind.SAME),
                        org.assertj.core.groups.Tuple.tuple(" c", WordDiff.Kind.INSERTED));
        given().get("/runs/" + id + "/events").then().statusCode(200).body(containsString("event:finished"));
    }
}
