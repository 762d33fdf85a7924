package dev.oro.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.oro.StarterLibrary;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(StarterLibrary.class)
class OperationsTest {

    @Test
    void should_publish_the_api_description_and_swagger_ui() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/render")).body(containsString("/api/prompts/{name}/versions"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void should_report_health_with_the_migrated_database() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server"));
    }

    @Test
    void should_say_what_it_is() {
        given().get("/api/info").then().statusCode(200).body("name", equalTo("oro")).body("version", equalTo("0.1.0-SNAPSHOT"));
    }

    @Test
    void should_answer_unknown_paths_without_a_stack_trace() {
        given().get("/api/nothing-here").then().statusCode(404);
    }
}
