package id.kotacerdas.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/** {@code Accept-Language: id} gives Indonesian problems over real HTTP, English stays the default (issue 25). */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "inbox"))
@WithTestResource(OidcWiremockTestResource.class)
class ProblemLanguageHttpTest {

    @Test
    void aRefusalSpeaksTheCallersLanguage() {
        given().header("Idempotency-Key", "with space").post("/test/actions/lang/plain").then().statusCode(400)
                .header("Content-Language", "en")
                .body("title", equalTo("Invalid request"))
                .body("violations[0].code", equalTo("format"));
        given().header("Accept-Language", "id-ID,id;q=0.9,en;q=0.5").header("Idempotency-Key", "with space")
                .post("/test/actions/lang/plain").then().statusCode(400)
                .contentType("application/problem+json")
                .header("Content-Language", "id")
                .body("type", equalTo("https://kotacerdas.id/problems/validation"))
                .body("title", equalTo("Permintaan tidak valid"))
                .body("detail", startsWith("Ada isian permintaan yang tidak valid. Idempotency-Key: harus 1 sampai 255"))
                .body("violations[0].field", equalTo("Idempotency-Key"))
                .body("violations[0].code", equalTo("format"))
                .body("violations[0].message", equalTo("harus 1 sampai 255 karakter ASCII yang terlihat"));
        given().header("Accept-Language", "id").post("/test/actions/lang/refusals").then().statusCode(409)
                .header("Content-Language", "id")
                .body("title", equalTo("Konflik"));
    }
}
