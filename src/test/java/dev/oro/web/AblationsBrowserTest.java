package dev.oro.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.api.AblationLab;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Starts an ablation from the page against a model that answers well only with delimited context, and reads the verdict. */
@QuarkusTest
@WithTestResource(AblationLab.class)
class AblationsBrowserTest extends BrowserTest {

    @Test
    void starting_an_ablation_shows_its_chart_and_names_gr3_as_the_rule_that_helped() {
        open("/ablations");
        assertThat(find("main h1").getText()).isEqualTo("Ablations");
        assertThat(find("header.top nav a[aria-current=page]").getText()).isEqualTo("Ablations");
        find("input[name=ref]").sendKeys("brief@1");
        new Select(find("select[name=suite]")).selectByValue("brief.yaml");
        find("input[name=models][value=fake]").click();
        find("input[name=rules]").sendKeys("GR3,GR9");
        find(".ablation-start button[type=submit]").click();

        await(d -> d.getCurrentUrl().matches(".*/ablations/[0-9a-f-]{36}$"));
        // Running: the page polls its progress, then reloads once to show the report.
        new WebDriverWait(driver, Duration.ofSeconds(90)).pollingEvery(Duration.ofMillis(100))
                .until(d -> !findAll("#ablation-chart[data-drawn=true]").isEmpty());
        assertThat(find("#verdict").getText()).contains("GR3 (fake) helped").contains("GR9 (fake) made no measurable difference");
        assertThat(find("h1 .badge").getText()).isEqualTo("completed");
        assertThat(findAll("table.rows tr.verdict-HELPED td:first-child")).extracting(e -> e.getText()).containsExactly("GR3");
        assertThat(find(".chart-box").getSize().getHeight()).isGreaterThan(100);
        screenshot("ablation-report");
        assertNoConsoleErrors();

        String url = driver.getCurrentUrl();
        open("/ablations");
        assertThat(findAll("table.ablations a")).anySatisfy(a -> assertThat(url).endsWith(a.getDomAttribute("href")));
        assertNoConsoleErrors();
    }
}
