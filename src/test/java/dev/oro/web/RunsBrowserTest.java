package dev.oro.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.api.EvalLibrary;
import dev.oro.store.CaseResult;
import dev.oro.store.RunStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

@QuarkusTest
@WithTestResource(EvalLibrary.class)
class RunsBrowserTest extends BrowserTest {

    @Inject
    RunStore store;

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The text of the first match, read in one step: htmx and SSE replace elements between a find and a getText. */
    private String text(String css) {
        Object text = js("const e = document.querySelector(arguments[0]); return e ? e.textContent : ''", css);
        return String.valueOf(text);
    }

    /** Starts count.yaml from the form, uncached and repeated so that there is progress to watch, and waits for the matrix. */
    private String startCountSuite() {
        open("/runs");
        String id = submitCountSuite();
        await(d -> !findAll("table.matrix").isEmpty());
        return id;
    }

    /** Fills the start form on the runs page and returns the id of the run page it opens. */
    private String submitCountSuite() {
        new Select(find("#suite")).selectByValue("count.yaml");
        find("#repeat").sendKeys("8");
        find("#no-cache").click();
        find("#start").click();
        await(d -> d.getCurrentUrl().matches(".*/runs/[0-9a-f-]{36}$"));
        return driver.getCurrentUrl().replaceAll(".*/runs/", "");
    }

    @Test
    void should_start_a_suite_watch_its_progress_and_see_the_matrix_and_the_chart() {
        open("/runs");
        screenshot("runs-list");
        submitCountSuite();
        // 48 uncached cases at 150 ms, four at a time: the live section is up for a second or two
        if (!findAll(".live .progressbar").isEmpty()) {
            await(d -> !text(".progress-text .done").equals("0") || !findAll("table.matrix").isEmpty());
            screenshot("run-progress");
        }
        await(d -> !findAll("table.matrix").isEmpty());
        assertThat(find(".run-head .status").getText()).isEqualTo("completed");
        assertThat(findAll("table.matrix thead th.variant-col")).extracting(WebElement::getText)
                .containsExactly("count@1 · fake · maxTokens=20", "count@1 · fake · maxTokens=3");
        assertThat(findAll("tr.result-row")).hasSize(24);
        assertThat(findAll("tr.summary td")).hasSize(2).allSatisfy(td -> assertThat(td.getText()).contains("95% CI"));
        await(d -> js("const c = Chart.getChart(document.getElementById('pass-chart')); return c ? c.data.datasets[0].data.length : 0")
                .equals(2L));
        assertThat(find(".verdicts").getText()).containsAnyOf("beats", "no significant difference");
        screenshot("run-results");
        assertNoConsoleErrors();
    }

    @Test
    void should_expand_a_cell_rate_it_and_find_the_rating_after_a_reload() {
        String id = startCountSuite();
        WebElement summary = find("td.cell-fail details > summary");
        // keyboard: a summary is focusable and opens with Enter
        js("arguments[0].focus()", summary);
        summary.sendKeys(Keys.ENTER);
        await(d -> !findAll("td.cell-fail details[open] .detail").isEmpty());
        WebElement detail = find("td.cell-fail details[open] .detail");
        assertThat(detail.findElement(By.cssSelector("pre.output")).getText()).isNotBlank();
        assertThat(detail.findElement(By.cssSelector(".checks")).getText()).contains("contains");
        assertThat(detail.findElement(By.cssSelector(".figures")).getText()).contains("Latency", "Tokens", "Cost");
        screenshot("run-cell-expanded");
        detail.findElement(By.cssSelector("input[name=comment]")).sendKeys("stops too early");
        detail.findElement(By.cssSelector("button.thumb.down")).click();
        await(d -> text("td.cell-fail details[open] .saved").contains("Saved"));
        assertThat(find("td.cell-fail details[open] summary .rated.down")).isNotNull();
        screenshot("run-rated");
        given().get("/api/runs/" + id + "/ratings").then().statusCode(200).body("[0].rating", org.hamcrest.Matchers.equalTo(-1))
                .body("[0].comment", org.hamcrest.Matchers.equalTo("stops too early"));
        driver.navigate().refresh();
        await(d -> !findAll("td.cell-fail summary .rated.down").isEmpty());
        // other tests of this application may have rated count.yaml too
        assertThat(find(".agreement").getText()).containsPattern("\\d+ rated outputs? · \\d+ good · [1-9]\\d* bad");
        assertNoConsoleErrors();
    }

    @Test
    void should_filter_failures_and_diff_two_outputs_of_a_row() {
        startCountSuite();
        int all = findAll("tr.result-row").size();
        find(".filters a[data-filter=failures]").click();
        await(d -> d.getCurrentUrl().contains("filter=failures"));
        await(d -> find(".filters a.current").getAttribute("data-filter").equals("failures"));
        List<WebElement> rows = findAll("tr.result-row");
        assertThat(rows).hasSizeLessThan(all).isNotEmpty()
                .allSatisfy(r -> assertThat(r.findElements(By.cssSelector("td.cell-fail, td.cell-error"))).isNotEmpty());
        screenshot("run-failures");
        find(".filters a[data-filter=disagree]").click();
        await(d -> d.getCurrentUrl().contains("filter=disagree"));
        WebElement toggle = find("tr.result-row.disagree button.diff-toggle");
        toggle.click();
        await(d -> !findAll("tr.diff-row:not([hidden]) .diff-view").isEmpty());
        assertThat(findAll("tr.diff-row:not([hidden]) del, tr.diff-row:not([hidden]) ins")).isNotEmpty();
        assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
        screenshot("run-diff");
        narrow();
        try {
            // Chart.js resizes on its ResizeObserver's next frame
            await(d -> (Long) js("return document.documentElement.scrollWidth - window.innerWidth") <= 0);
        } catch (org.openqa.selenium.TimeoutException tooWide) {
            // reported below with the elements that stick out
        }
        long overflow = (Long) js("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(overflow).as("the page scrolls sideways at 420 px: %s", js("return [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.scroll'))"
                + ".slice(0, 8).map(e => e.tagName + '.' + e.className).join(', ')")).isLessThanOrEqualTo(0);
        screenshot("run-narrow");
        assertNoConsoleErrors();
    }

    @Test
    void should_compare_two_runs() {
        String a = startCountSuite();
        String b = startCountSuite();
        open("/runs/compare?a=" + a + "&b=" + b);
        assertThat(find("h1").getText()).isEqualTo("Compare runs");
        assertThat(findAll("table.compare tbody tr th .variant-name")).hasSize(2);
        assertThat(find("table.compare").getText()).contains("no significant difference");
        screenshot("compare");
        assertNoConsoleErrors();
    }

    @Test
    void should_show_a_script_in_an_output_as_text() {
        String id = UUID.randomUUID().toString();
        String payload = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">";
        store.createRun(id, "evals/xss.yaml", "an output that tries to run", "{}");
        store.record(id, new CaseResult("k1", "t1", "xss@1 · fake", 0, "xss@1", "sha256:0", "fake", null, Map.of("q", payload), payload,
                false, 0, null, "stop", 3L, 1, 1, 0.0, false, List.of()));
        store.record(id, new CaseResult("k2", "t1", "xss@2 · fake", 0, "xss@2", "sha256:0", "fake", null, Map.of("q", payload), "plain",
                true, 1, null, "stop", 3L, 1, 1, 0.0, false, List.of()));
        store.finish(id, "completed");
        open("/runs/" + id);
        find("td.cell-fail details > summary").click();
        await(d -> !findAll("td.cell-fail .detail pre.output").isEmpty());
        assertThat(find("td.cell-fail .detail pre.output").getText()).isEqualTo(payload);
        assertThat(js("return window.pwned === undefined")).isEqualTo(true);
        screenshot("run-xss");
        assertNoConsoleErrors();
    }

    @Test
    void should_list_ratings_per_suite() {
        open("/ratings");
        assertThat(find("h1").getText()).isEqualTo("Human ratings");
        screenshot("ratings");
        assertNoConsoleErrors();
    }
}
