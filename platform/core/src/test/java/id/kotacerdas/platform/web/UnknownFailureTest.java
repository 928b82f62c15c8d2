package id.kotacerdas.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/**
 * A failure no mapper knows is the ordinary {@code 500} while the database answers, and a {@code 503} while it
 * cannot be reached (stop 31's CI: a write caught by PostgreSQL's shutdown failed in a way not listed as an outage).
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "inbox"))
@WithTestResource(OidcWiremockTestResource.class)
class UnknownFailureTest {

    @Test
    void anUnknownFailureIs500WithTheDatabaseUpAnd503WithItDown() {
        given().get("/test/failing").then().statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kotacerdas.id/problems/internal"))
                .body("requestId", notNullValue());
        InfrastructureTestResource.stopPostgres();
        try {
            given().get("/test/failing").then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", equalTo("https://kotacerdas.id/problems/service-unavailable"));
        } finally {
            InfrastructureTestResource.startPostgres();
        }
        given().get("/test/failing").then().statusCode(500);
    }
}
