package dev.oro.web;

import static dev.oro.web.LibraryPageTest.create;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.oro.StarterLibrary;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The library, prompt and editor pages in a real browser, as a user drives them. */
@QuarkusTest
@WithTestResource(StarterLibrary.class)
class PromptBrowserTest extends BrowserTest {

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The text of the first match, or "" while htmx is swapping it (a stale element counts as not there yet). */
    private String text(String css) {
        try {
            List<WebElement> found = findAll(css);
            return found.isEmpty() ? "" : found.get(0).getText();
        } catch (StaleElementReferenceException swapped) {
            return "";
        }
    }

    private void typeAtEnd(WebElement field, String text) {
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, Keys.END));
        field.sendKeys(text);
    }

    @Test
    void editor_saves_a_new_version_that_shows_in_the_version_list() {
        create("b-edit", "---\ndescription: First cut.\n---\nGreet {who} warmly.\n");
        open("/prompts/b-edit");
        find("a.button.primary").click();
        await(d -> d.getCurrentUrl().endsWith("/prompts/b-edit/edit"));
        typeAtEnd(find("#source"), "\nSign as Oro.");
        find("#editor button.primary").click();
        await(d -> d.getCurrentUrl().contains("/prompts/b-edit?v=2"));
        assertThat(find("p.ok[role=status]").getText()).isEqualTo("Saved as version 2. Move a label to ship it.");
        assertThat(findAll(".version-list .vnum")).extracting(WebElement::getText).containsExactly("v2", "v1");
        assertThat(find(".version-list li.selected").getText()).contains("v2");
        assertThat(find("#version-view").getText()).contains("Sign as Oro.");
        screenshot("prompt-new-version-saved");
        assertNoConsoleErrors();
    }

    @Test
    void preview_follows_the_variables_form_and_the_source_as_the_user_types() {
        open("/prompts/summarize/edit");
        assertThat(find("#live .preview").getText()).contains("missing variable text");
        find("#var-text").sendKeys("Oro keeps prompts as immutable versions.");
        await(d -> text("#live .preview").contains("Oro keeps prompts as immutable versions."));
        assertThat(find("#live .preview .role").getText()).isEqualToIgnoringCase("user");

        typeAtEnd(find("#source"), "\nWrite for {audience}.");
        WebElement audience = await(d -> d.findElement(By.id("var-audience")));
        assertThat(find("#var-text").getAttribute("value")).isEqualTo("Oro keeps prompts as immutable versions.");
        audience.sendKeys("new engineers");
        await(d -> text("#live .preview").contains("Write for new engineers."));
        screenshot("editor-live-preview");
        assertNoConsoleErrors();
    }

    @Test
    void lint_findings_show_inline_while_typing() {
        open("/prompts/new");
        WebElement source = find("#source");
        source.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        source.sendKeys("Summarize the review below.\n\n{review}\n");
        await(d -> text("#live").contains("GR3"));
        assertThat(findAll("#live .finding mark")).extracting(WebElement::getText).contains("{review}");
        assertThat(find("#live .finding .suggestion").getText()).isNotBlank();
        screenshot("editor-lint");
        assertNoConsoleErrors();
    }

    @Test
    void a_conflicting_save_keeps_the_text_and_writes_nothing() {
        create("b-conflict", "Draft one for {who}.\n");
        open("/prompts/b-conflict/edit");
        create("b-conflict", "Someone else's version for {who}.\n");
        typeAtEnd(find("#source"), "My careful edit.");
        find("#editor button.primary").click();
        WebElement alert = await(d -> d.findElement(By.cssSelector("#save-problem")));
        assertThat(alert.getText()).contains("version 2 was created since you opened version 1; nothing was written and your text is kept below");
        assertThat(find("#source").getAttribute("value")).isEqualTo("Draft one for {who}.\nMy careful edit.");
        given().get("/api/prompts/b-conflict").then().body("versions.size()", equalTo(2));
        screenshot("editor-conflict");
        assertNoConsoleErrors();
    }

    @Test
    void a_script_in_a_prompt_shows_as_text_and_never_runs() {
        String payload = "<script>window.pwned=1</script>";
        create("b-xss", "---\ndescription: " + payload + "\nvariables:\n  x: {}\n---\nBody " + payload + " {x}\n");
        open("/");
        assertThat(find("main").getText()).contains(payload);
        open("/prompts/b-xss");
        assertThat(find(".lede").getText()).isEqualTo(payload);
        assertThat(find("#version-view .message pre").getText()).contains("Body " + payload);
        assertThat(js("return window.pwned")).isNull();
        screenshot("prompt-xss-as-text");
        open("/prompts/b-xss/edit");
        find("#var-x").sendKeys(payload);
        await(d -> text("#live .preview").contains("Body " + payload + " " + payload));
        assertThat(js("return window.pwned")).isNull();
        assertNoConsoleErrors();
    }

    @Test
    void library_search_and_filters_update_the_table_and_the_address() {
        open("/");
        find("#q").sendKeys("summ");
        await(d -> findAll("table.library td.name").size() == 1);
        assertThat(find("table.library td.name").getText()).isEqualTo("summarize");
        await(d -> d.getCurrentUrl().contains("q=summ"));
        find("#q").clear();
        find("#q").sendKeys(Keys.BACK_SPACE);
        new Select(find("#tag")).selectByVisibleText("GR9");
        await(d -> findAll("table.library td.name").size() == 1 && text("table.library td.name").equals("literary-analysis"));
        new Select(find("#tag")).selectByIndex(0);
        new Select(find("#rule")).selectByValue("clean");
        await(d -> d.getCurrentUrl().contains("rule=clean"));
        assertThat(findAll("table.library td.rules .badge")).extracting(WebElement::getText).containsOnly("clean");
        screenshot("library-filtered");
        assertNoConsoleErrors();
    }

    @Test
    void moving_a_label_confirms_what_moved_and_refuses_a_bad_name() {
        create("b-label", "One {x}\n");
        create("b-label", "Two {x}\n");
        open("/prompts/b-label");
        WebElement label = find("#label-name");
        label.clear();
        label.sendKeys("staging");
        new Select(find("#label-version")).selectByValue("1");
        find(".label-form button").click();
        await(d -> text("#label-notice").equals("staging now points at v1 (new label)"));
        assertThat(find(".version-list").getText()).contains("staging");
        given().get("/api/prompts/b-label").then().body("labels.staging", equalTo(1));

        label = find("#label-name");
        label.clear();
        label.sendKeys("not a label");
        find(".label-form button").click();
        await(d -> text("#label-notice").startsWith("Label: invalid label 'not a label'"));
        assertThat(find("#label-name").getAttribute("aria-invalid")).isEqualTo("true");
        js("document.querySelector('.labels-panel').scrollIntoView()");
        screenshot("prompt-label-refused");
        assertNoConsoleErrors();
    }

    @Test
    void diff_shows_two_versions_side_by_side() {
        open("/prompts/summarize");
        new Select(find("#diff-from")).selectByValue("1");
        new Select(find("#diff-to")).selectByValue("2");
        await(d -> !findAll("table.diff tr.d-change").isEmpty());
        assertThat(find("table.diff tr.d-insert td.new ins, table.diff tr.d-change td.new ins").getText()).isNotBlank();
        assertThat(find("table.fields").getText()).contains("description");
        new Select(find("#diff-from")).selectByValue("2");
        await(d -> d.getCurrentUrl().contains("from=2"));
        await(d -> text("#diff .toolbar").contains("0 changed lines"));
        new Select(find("#diff-from")).selectByValue("1");
        await(d -> !findAll("table.diff tr.d-change").isEmpty());
        js("document.getElementById('diff').scrollIntoView()");
        screenshot("prompt-diff");
        assertNoConsoleErrors();
    }

    @Test
    void pages_fit_a_narrow_window() {
        narrow();
        for (String page : new String[] {"/", "/prompts/summarize", "/prompts/summarize/edit"}) {
            open(page);
            Number overflow = (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(overflow.intValue()).as("horizontal overflow on %s", page).isLessThanOrEqualTo(0);
        }
        screenshot("editor-narrow");
        open("/prompts/summarize");
        screenshot("prompt-narrow");
        open("/");
        screenshot("library-narrow");
        assertNoConsoleErrors();
    }

    @Test
    void the_pages_work_from_the_keyboard() {
        open("/prompts/summarize");
        WebElement skip = find("a.skip");
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement()).isEqualTo(skip);
        assertThat(findAll("label[for=label-name], label[for=label-version], label[for=diff-from], label[for=diff-to]")).hasSize(4);
        open("/prompts/summarize/edit");
        assertThat(findAll("label[for=source], label[for=var-text]")).hasSize(2);
        assertThat(find("#editor button.primary").getTagName()).isEqualTo("button");
        assertNoConsoleErrors();
    }
}
