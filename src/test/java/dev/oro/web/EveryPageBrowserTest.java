package dev.oro.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.api.EvalLibrary;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Every page reachable from the top navigation, at 1280 px and at 420 px: it loads, names itself
 * in its heading, logs nothing to the console and never scrolls sideways in a narrow window.
 * The pages' own tests cover what each does; this one catches a page that only breaks the basics.
 * A finished run is there first, so the run pages show their tables, pickers and charts.
 */
@QuarkusTest
@WithTestResource(EvalLibrary.class)
class EveryPageBrowserTest extends BrowserTest {

    private static String runId;

    @BeforeEach
    void aFinishedRun() throws InterruptedException {
        if (runId != null) {
            return;
        }
        String id = given().contentType("application/json").body(Map.of("suite", "count.yaml")).post("/api/runs").then().statusCode(202)
                .extract().path("id");
        for (int i = 0; i < 1200 && "running".equals(given().get("/api/runs/" + id).then().extract().path("status")); i++) {
            Thread.sleep(50);
        }
        runId = id;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/prompts/summarize", "/prompts/summarize/edit", "/prompts/new", "/playground?prompt=summarize@production&model=fake",
            "/runs", "/runs/latest", "/runs/compare", "/runs/compare?latest", "/ratings", "/annotate", "/ablations"})
    void page_loads_cleanly_wide_and_narrow(String page) {
        String name = "page" + (page.equals("/") ? "-library" : page.replaceAll("\\?prompt.*", "").replaceAll("[^a-z]+", "-"));
        String path = page.replace("?latest", "?a=" + runId + "&b=" + runId).replace("/runs/latest", "/runs/" + runId);
        open(path);
        assertThat(findAll("main h1")).as("a heading on %s", path).isNotEmpty();
        assertThat(find("header.top nav a[aria-current=page]").isDisplayed()).isTrue();
        assertNoConsoleErrors();
        screenshot(name.replaceAll("-$", ""));

        narrow();
        open(path);
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("sideways scroll at 420 px on %s", path).isLessThanOrEqualTo(0);
        assertNoConsoleErrors();
    }
}
