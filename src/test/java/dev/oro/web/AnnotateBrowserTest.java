package dev.oro.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.api.DatasetLibrary;
import dev.oro.dataset.ExportFormats;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/** An annotation session in headless chromium, driven by the keyboard as a person would. */
@QuarkusTest
@WithTestResource(DatasetLibrary.class)
class AnnotateBrowserTest extends BrowserTest {

    void press(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    void awaitProgress(String text) {
        await(d -> find("#progress").getText().equals(text));
    }

    @Test
    void should_accept_edit_reject_then_resume_where_it_was_left_and_export_the_edit() {
        String run = DatasetLibrary.finishedRun();
        open("/annotate");
        assertThat(find("header.top nav a[aria-current=page]").getText()).isEqualTo("Annotate");
        new Select(find("#source")).selectByValue("run:" + run);
        new Select(find("#filter")).selectByValue("all");
        screenshot("annotate-start");
        find("#start").click();
        awaitProgress("1 / 6");
        assertThat(find(".ann-keys").getText()).contains("accept", "reject", "edit the ideal answer", "note", "next", "previous");
        screenshot("annotate-item");

        press("a");
        awaitProgress("2 / 6");
        press("e");
        await(d -> "ideal".equals(d.switchTo().activeElement().getAttribute("id")));
        // Letters typed into the box are text, not shortcuts: "a", "r", "e", "n", "j" and "k" all appear here.
        driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, "a"), "one two three — a rejoinder, jokingly\n<b>kept</b>");
        assertThat(find("#progress").getText()).isEqualTo("2 / 6");
        driver.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        awaitProgress("3 / 6");
        press("r");
        awaitProgress("4 / 6");

        open("/");
        open("/annotate");
        driver.findElement(By.xpath("//tr[contains(., '" + run + "')]//a[contains(@class, 'resume')]")).click();
        awaitProgress("4 / 6");
        press("k");
        awaitProgress("3 / 6");
        assertThat(find("#decision").getText()).isEqualTo("rejected");
        press(Keys.ARROW_LEFT);
        awaitProgress("2 / 6");
        assertThat(find("#decision").getText()).isEqualTo("accepted · edited");
        assertThat(find("#ideal").getAttribute("value")).isEqualTo("one two three — a rejoinder, jokingly\n<b>kept</b>");
        press("n");
        await(d -> "note".equals(d.switchTo().activeElement().getAttribute("id")));
        driver.switchTo().activeElement().sendKeys("tone is fine", Keys.chord(Keys.CONTROL, Keys.ENTER));
        await(d -> find("#note").getAttribute("value").equals("tone is fine"));
        awaitProgress("2 / 6");
        assertThat(find("form.ann-export-inline").getAttribute("action")).endsWith("/api/runs/" + run + "/export");
        screenshot("annotate-resumed");
        assertNoConsoleErrors();

        String jsonl = given().queryParam("format", "openai-chat").queryParam("only", "accepted").get("/api/runs/" + run + "/export")
                .then().statusCode(200).extract().asString();
        assertThat(ExportFormats.openAiChat(jsonl)).extracting(l -> l.at("/messages/1/content").asText())
                .containsExactly("one two three four five six seven eight nine ten", "one two three — a rejoinder, jokingly\n<b>kept</b>");
        assertThat(ExportFormats.openAiChat(jsonl).get(1).at("/metadata/note").asText()).isEqualTo("tone is fine");
    }

    @Test
    void should_draft_test_cases_then_show_a_script_payload_as_text() {
        open("/annotate");
        new Select(find("#prompt")).selectByValue("qa-with-context");
        new Select(find("#model")).selectByValue("drafter");
        find("#count").clear();
        find("#count").sendKeys("5");
        find("#draft").click();
        await(d -> !findAll("#counts").isEmpty());
        assertThat(find("#counts").getText())
                .isEqualTo("Asked 5, received 6, invalid 1, duplicates 1, near-duplicates 1, written 3.");
        assertThat(find(".ann-dropped").getText()).contains("draft 3: missing variable 'context'");
        assertThat(find("main").getText()).contains("Written to evals/data/qa-with-context-drafts");
        screenshot("annotate-drafted");
        find("#annotate-drafts").click();
        awaitProgress("1 / 3");
        press("j");
        press("j");
        awaitProgress("3 / 3");
        assertThat(findAll(".ann-msg pre")).extracting(e -> e.getText()).anySatisfy(t -> assertThat(t).contains("<script>alert('draft')</script>"));
        assertThat(driver.findElements(By.xpath("//script[contains(., 'draft')]"))).isEmpty();
        press("a");
        await(d -> find("#tally").getText().startsWith("3 items: 1 accepted"));
        narrow();
        open(driver.getCurrentUrl().replaceAll("^https?://[^/]+", "").replace("/done", "/3"));
        screenshot("annotate-narrow");
        assertNoConsoleErrors();
    }
}
