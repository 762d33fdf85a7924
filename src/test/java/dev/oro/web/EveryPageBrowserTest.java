package dev.oro.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.api.EvalLibrary;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Every page reachable from the top navigation, at 1280 px and at 420 px: it loads, names itself
 * in its heading, logs nothing to the console and never scrolls sideways in a narrow window.
 * The pages' own tests cover what each does; this one catches a page that only breaks the basics.
 */
@QuarkusTest
@WithTestResource(EvalLibrary.class)
class EveryPageBrowserTest extends BrowserTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/prompts/summarize", "/prompts/summarize/edit", "/prompts/new", "/playground?prompt=summarize@production&model=fake",
            "/runs", "/runs/compare", "/ratings", "/annotate", "/ablations"})
    void page_loads_cleanly_wide_and_narrow(String path) {
        open(path);
        assertThat(findAll("main h1")).as("a heading on %s", path).isNotEmpty();
        assertThat(find("header.top nav a[aria-current=page]").isDisplayed()).isTrue();
        assertNoConsoleErrors();
        String name = "page" + (path.equals("/") ? "-library" : path.replaceAll("\\?.*", "").replaceAll("[^a-z]+", "-"));
        screenshot(name.replaceAll("-$", ""));

        narrow();
        open(path);
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("sideways scroll at 420 px on %s", path).isLessThanOrEqualTo(0);
        assertNoConsoleErrors();
    }
}
