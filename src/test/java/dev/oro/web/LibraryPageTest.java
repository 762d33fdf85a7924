package dev.oro.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.oro.StarterLibrary;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(StarterLibrary.class)
class LibraryPageTest {

    @Test
    void should_list_prompts_with_labels_and_tags() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<td class=\"name\">summarize</td>"))
                .body(containsString("production → v2"))
                .body(containsString("<span class=\"tag\">GR3</span>"));
    }

    @Test
    void should_show_user_content_as_text() {
        given().contentType("text/plain").body("---\ndescription: <script>alert('x')</script>\n---\nhi\n")
                .post("/api/prompts/xss/versions").then().statusCode(201);
        given().get("/").then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
                .body(not(containsString("<script>alert")));
    }
}
