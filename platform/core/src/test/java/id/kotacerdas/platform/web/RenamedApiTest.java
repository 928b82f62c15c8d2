package id.kotacerdas.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

/**
 * A renamed path or query parameter keeps answering under its old name, marked deprecated with a link to the new one
 * ({@link RenamedApiFilters}, issue 25); the new names answer without the mark.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "inbox"))
@WithTestResource(OidcWiremockTestResource.class)
class RenamedApiTest {

    @Test
    void theNewNamesAnswerPlainly() {
        given().get("/test/names/52.07/current?provinceCode=52").then().statusCode(200)
                .header("Deprecation", nullValue())
                .body("id", equalTo("52.07")).body("provinceCode", equalTo("52"));
    }

    @Test
    void anOldPathAndParameterAnswerAsTheNewDeprecated() {
        given().get("/test/names/52.07/old?parentCode=52&size=5").then().statusCode(200)
                .header("Deprecation", "true")
                .header("Link", "</test/names/52.07/current?size=5&provinceCode=52>; rel=\"successor-version\"")
                .body("id", equalTo("52.07")).body("provinceCode", equalTo("52"));
    }

    @Test
    void anOldAndANewParameterTogetherAreRefused() {
        given().get("/test/names/52.07/current?provinceCode=52&parentCode=53").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("parentCode"))
                .body("violations[0].message", equalTo("was renamed to provinceCode; give only provinceCode"));
    }

    @Test
    void aPathTemplateCarriesItsVariables() {
        RenamedApiFilters.PathRename rename = RenamedApiFilters.PathRename.of(
                "/api/v1/masterplans/{id}/bimtek-stages/{stage}/hold", "/api/v1/masterplans/{id}/bimtek-stages/{stage}/holding");
        assertEquals("/api/v1/masterplans/m-1/bimtek-stages/2/holding",
                rename.apply("/api/v1/masterplans/m-1/bimtek-stages/2/hold"));
        assertEquals("/api/v1/masterplans/m-1/bimtek-stages/2/holding",
                rename.apply("/api/v1/masterplans/m-1/bimtek-stages/2/hold/"));
        assertNull(rename.apply("/api/v1/masterplans/m-1/bimtek-stages/2/holding"));
        assertNull(rename.apply("/api/v1/masterplans/m-1/bimtek-stages/2/hold/x"));
    }
}
