package dev.oro.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

@QuarkusTest
@WithTestResource(PlaygroundLibrary.class)
class PlaygroundBrowserTest extends BrowserTest {

    static final String COUNTING = "one two three four five six seven eight nine ten";

    @Test
    void two_versions_stream_side_by_side_with_tokens_latency_and_cost() {
        open("/playground?model=fake");
        addPrompt("summarize@1");
        addPrompt("summarize@production");
        await(d -> findAll("#pg-chips .pg-chip").size() == 2);
        assertThat(find("#pg-chips").getText()).contains("summarize@1", "v1", "summarize@production", "v2");
        find("#var-text").sendKeys("Oro keeps prompts as immutable versions.");
        find("#var-text").sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));

        List<WebElement> panels = awaitPanels(2);
        for (WebElement panel : panels) {
            assertThat(panel.findElement(By.cssSelector(".pg-output")).getText()).isEqualTo(COUNTING);
            assertThat(stat(panel, "out")).isEqualTo("10");
            assertThat(Integer.parseInt(stat(panel, "in"))).isPositive();
            assertThat(stat(panel, "first")).matches("\\d+ ms|\\d+\\.\\d\\d s");
            assertThat(stat(panel, "total")).matches("\\d+ ms|\\d+\\.\\d\\d s");
            // The profile's prices: $1.5 per million tokens in, $2 out.
            double cost = (Integer.parseInt(stat(panel, "in")) * 1.5 + 10 * 2.0) / 1e6;
            assertThat(stat(panel, "cost")).isEqualTo(String.format(Locale.ROOT, "$%.6f", cost));
        }
        assertThat(panels.get(0).getText()).contains("summarize@1", "v1", "fake");
        assertThat(panels.get(1).getText()).contains("summarize@production", "v2");
        assertThat(panels.get(0).getLocation().getY()).as("side by side").isEqualTo(panels.get(1).getLocation().getY());
        assertThat(panels.get(0).getLocation().getX()).isLessThan(panels.get(1).getLocation().getX());
        assertThat(find("#pg-status").getText()).startsWith("Finished in").endsWith("2 done.");
        assertThat(driver.getCurrentUrl()).contains("prompt=summarize@1&prompt=summarize@production&model=fake",
                "var.text=Oro+keeps+prompts");
        await(d -> textOf("[data-ready-for=fake]").equals("ready"));
        topScreenshot("playground-side-by-side");
        assertNoConsoleErrors();
    }

    @Test
    void moving_the_sliders_changes_the_params_the_model_receives() {
        given().delete(admin()).then().statusCode(200);
        open("/playground?prompt=summarize@production&model=fake&var.text=Sliders.");
        assertThat(find("#set-temperature").isSelected()).isFalse();
        find("#temperature").sendKeys(Keys.HOME);
        assertThat(find("#temperature-value").getAttribute("value")).isEqualTo("0");
        assertThat(find("#set-temperature").isSelected()).isTrue();
        find("#maxTokens").sendKeys(Keys.HOME, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertThat(find("#maxTokens-value").getAttribute("value")).isEqualTo("3");
        assertThat(driver.getCurrentUrl()).contains("temperature=0&maxTokens=3");
        find("#pg-run").click();

        WebElement panel = awaitPanels(1).get(0);
        assertThat(panel.getText()).contains("one two three", "Cut short at the max tokens limit.");
        assertThat(stat(panel, "out")).isEqualTo("3");
        List<Map<String, Object>> bodies = chatBodies();
        assertThat(bodies).hasSize(1);
        assertThat(((Number) bodies.get(0).get("temperature")).doubleValue()).isZero();
        assertThat(bodies.get(0).getOrDefault("max_completion_tokens", bodies.get(0).get("max_tokens"))).isEqualTo(3);
        ((JavascriptExecutor) driver).executeScript("document.querySelector('#pg-h-params').scrollIntoView()");
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        screenshot("playground-sliders");
        assertNoConsoleErrors();
    }

    @Test
    void failures_show_in_their_own_panels_while_the_others_finish() {
        open("/playground?prompt=summarize@production&prompt=qa-with-context@production&model=fake&model=down&model=ghost"
                + "&var.text=Errors+stay+in+their+panel.");
        assertThat(find("#pg-form").getText()).contains("no such profile");
        await(d -> find("[data-ready-for=down]").getText().equals("not ready"));
        find("#pg-run").click();
        await(d -> find("#pg-status").getText().startsWith("Finished"));

        assertThat(findAll(".pg-panel")).hasSize(6);
        WebElement ok = panel("summarize@production", "fake");
        assertThat(ok.getAttribute("data-state")).isEqualTo("done");
        assertThat(ok.getText()).contains(COUNTING);
        assertThat(error(panel("summarize@production", "down"))).isEqualTo(
                "cannot reach openai at http://127.0.0.1:1/v1: connection refused; is the server running?");
        assertThat(error(panel("summarize@production", "ghost"))).startsWith("no model profile named 'ghost'");
        for (String model : List.of("fake", "down")) {
            assertThat(error(panel("qa-with-context@production", model))).startsWith("missing variables question, context");
        }
        assertThat(find("#pg-status").getText()).endsWith("1 done, 5 failed.");
        assertThat(find("#var-question").getAttribute("aria-invalid")).as("the empty required field is marked").isEqualTo("true");
        assertThat(find("#var-text").getAttribute("aria-invalid")).isEqualTo("false");
        topScreenshot("playground-errors");
        assertNoConsoleErrors();
    }

    @Test
    void model_output_with_markup_shows_as_text() {
        open("/playground?prompt=summarize@production&model=xss&var.text=x");
        find("#pg-run").click();
        WebElement panel = awaitPanels(1).get(0);
        WebElement output = panel.findElement(By.cssSelector(".pg-output"));
        assertThat(output.getText()).isEqualTo(PlaygroundLibrary.XSS);
        assertThat(output.findElements(By.cssSelector("script, b"))).isEmpty();
        assertThat(driver.getTitle()).isEqualTo("Playground · Oro");
        assertThat(stat(panel, "cost")).as("no prices, no cost").isEqualTo("—");
        topScreenshot("playground-xss");
        assertNoConsoleErrors();
    }

    @Test
    void stop_aborts_a_run_that_is_still_waiting() {
        open("/playground?prompt=summarize@production&model=slow&var.text=Wait.");
        find("#pg-run").click();
        await(d -> find(".pg-panel").getAttribute("data-state").equals("streaming"));
        assertThat(find("#pg-run").isEnabled()).isFalse();
        find("#pg-stop").click();
        await(d -> find(".pg-panel").getAttribute("data-state").equals("stopped"));
        assertThat(find("#pg-status").getText()).endsWith("0 done, 1 stopped.");
        assertThat(find("#pg-run").isEnabled()).isTrue();
        assertNoConsoleErrors();
    }

    @Test
    void narrow_window_stacks_the_setup_and_the_panels() {
        narrow();
        open("/playground?prompt=summarize@1&prompt=summarize@production&model=fake&var.text=Narrow.");
        find("#pg-run").click();
        List<WebElement> panels = awaitPanels(2);
        assertThat(panels.get(1).getLocation().getY()).isGreaterThan(panels.get(0).getLocation().getY());
        assertThat(find(".pg-results").getLocation().getY()).isGreaterThan(find("#pg-form").getLocation().getY());
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).as("no sideways scrolling").isEqualTo(false);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", find(".pg-results"));
        screenshot("playground-narrow");
        assertNoConsoleErrors();
    }

    /** Clicks and focus scroll the page; reviewers want to see it from the top. */
    private void topScreenshot(String name) {
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0); document.querySelector('.pg-setup').scrollTo(0, 0)");
        screenshot(name);
    }

    private void addPrompt(String ref) {
        WebElement input = find("#pg-add-prompt");
        input.sendKeys(ref, Keys.ENTER);
        await(d -> textOf("#pg-chips").contains(ref));
    }

    /** The element's text, or "" while a swap replaces it. */
    private String textOf(String css) {
        try {
            return find(css).getText();
        } catch (StaleElementReferenceException | NoSuchElementException swapped) {
            return "";
        }
    }

    private List<WebElement> awaitPanels(int count) {
        return await(d -> {
            List<WebElement> done = findAll(".pg-panel[data-state=done]");
            return done.size() == count ? done : null;
        });
    }

    private WebElement panel(String ref, String model) {
        return find(".pg-panel[aria-label='" + ref + " on " + model + "']");
    }

    private static String stat(WebElement panel, String name) {
        return panel.findElement(By.cssSelector("[data-stat=" + name + "]")).getText();
    }

    private static String error(WebElement panel) {
        return panel.findElement(By.cssSelector(".pg-error")).getText();
    }

    /**
     * WireMock's request journal of the counting fake. Read when asked, not injected: every
     * test class is a bean of every test application, and the others have no fake.url.
     */
    private static String admin() {
        String fakeUrl = ConfigProvider.getConfig().getValue("fake.url", String.class);
        return fakeUrl.replaceAll("/v1$", "") + "/__admin/requests";
    }

    private static List<Map<String, Object>> chatBodies() {
        JsonPath journal = given().get(admin()).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> requests = journal.getList("requests.request");
        return requests.stream().filter(r -> String.valueOf(r.get("url")).endsWith("/chat/completions"))
                .map(r -> JsonPath.from((String) r.get("body")).<String, Object>getMap("")).toList();
    }
}
