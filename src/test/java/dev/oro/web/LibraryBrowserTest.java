package dev.oro.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.StarterLibrary;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(StarterLibrary.class)
class LibraryBrowserTest extends BrowserTest {

    @Test
    void library_lists_the_starter_prompts_without_console_errors() {
        open("/");
        assertThat(find("main h1").getText()).startsWith("Prompt library");
        assertThat(findAll("td.name")).extracting(e -> e.getText()).contains("summarize", "extract-entities");
        assertThat(find("header.top nav a[aria-current=page]").getText()).isEqualTo("Library");
        screenshot("library");
        assertNoConsoleErrors();
    }
}
