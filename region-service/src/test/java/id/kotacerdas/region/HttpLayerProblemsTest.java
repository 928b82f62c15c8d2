package id.kotacerdas.region;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.RawHttp;
import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * What the HTTP layer refuses before a resource runs is problem+json too (platform-web HttpLayerProblems, platform-rest
 * ProblemMappers): requests sent byte for byte over a socket, since HTTP clients repair or refuse such input.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
@WithTestResource(OidcWiremockTestResource.class)
class HttpLayerProblemsTest {

    static final String AUDITOR = Tokens.forUser("auditor", "auditor");

    static JsonPath problem(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        JsonPath body = new JsonPath(response.body());
        assertThat(body.getInt("status")).isEqualTo(status);
        assertThat(body.getString("type")).startsWith("https://kotacerdas.id/problems/");
        assertThat(body.getString("title")).isNotBlank();
        assertThat(body.getString("detail")).isNotBlank();
        assertThat(body.getString("requestId")).isNotBlank();
        assertThat(response.header("X-Request-Id")).isEqualTo(body.getString("requestId"));
        return body;
    }

    @Test
    void malformedPercentEncodingInThePathIsA400NamingThePath() {
        JsonPath body = problem(RawHttp.send(RestAssured.port, "GET", "/api/v1/regions/%zz", "Authorization: Bearer " + AUDITOR), 400);
        assertThat(body.getList("violations.field")).containsExactly("path");
    }

    @Test
    void malformedPercentEncodingInTheQueryIsA400NamingTheParameter() {
        JsonPath body = problem(RawHttp.send(RestAssured.port, "GET", "/api/v1/regions?q=a%zzb", "Authorization: Bearer " + AUDITOR), 400);
        assertThat(body.getList("violations.field")).containsExactly("q");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "/api/v1/regions/18%0072", "/api/v1/regions/18.72%00/profile", "/api/v1/nothing%00here" })
    void nulInThePathIsA400NamingThePath(String target) {
        JsonPath body = problem(RawHttp.send(RestAssured.port, "GET", target, "Authorization: Bearer " + AUDITOR), 400);
        assertThat(body.getList("violations.field")).containsExactly("path");
    }

    @Test
    void overlongRequestTargetIsA414() {
        String target = "/api/v1/regions?q=" + "a".repeat(5000);
        JsonPath body = problem(RawHttp.send(RestAssured.port, "GET", target, "Authorization: Bearer " + AUDITOR), 414);
        assertThat(body.getString("detail")).contains("4096");
    }

    @Test
    void overlongHeadersAreA431() {
        JsonPath body = problem(RawHttp.send(RestAssured.port, "GET", "/api/v1/regions/18.72",
                "Authorization: Bearer " + AUDITOR, "X-Padding: " + "p".repeat(20_000)), 431);
        assertThat(body.getString("detail")).contains("16384");
    }

    @ParameterizedTest(name = "{0} {1} → 405, Allow {2}")
    @CsvSource(delimiter = '|', value = {
            "PATCH  | /api/v1/regions/18.72/profile       | GET, HEAD, OPTIONS, POST, PUT",
            "DELETE | /api/v1/regions/18.72/profile       | GET, HEAD, OPTIONS, POST, PUT",
            "POST   | /api/v1/regions/18.72/audit-entries | GET, HEAD, OPTIONS",
            "DELETE | /api/v1/audit/region-service        | GET, HEAD, OPTIONS",
            "PUT    | /api/v1/regions/counts              | GET, HEAD, OPTIONS"
    })
    void wrongMethodOnAnExistingPathIs405WithAllow(String method, String path, String allow) {
        given().auth().oauth2(AUDITOR).contentType("application/json").body("{}")
                .request(method, path).then().statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", equalTo(allow))
                .body("status", equalTo(405))
                .body("type", equalTo("https://kotacerdas.id/problems/method-not-allowed"))
                .body("detail", allOf(containsString(method), containsString(path)))
                .body("instance", equalTo(path))
                .body("requestId", notNullValue());
    }

    @Test
    void unknownPathStaysA404() {
        given().auth().oauth2(AUDITOR).delete("/api/v1/regions/18.72/nothing").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void theDocumentSaysWhatTheHttpLayerAnswers() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getMap("paths.'/api/v1/regions/{code}'.get.responses")).containsKeys("400", "414", "431", "500");
        assertThat(doc.getString("paths.'/api/v1/regions/{code}'.get.responses.'414'.content.'application/problem+json'.examples.problem.value.status"))
                .isEqualTo("414");
        // parameters typed and bounded as the server enforces them, with examples of their type
        assertThat(doc.getString("paths.'/api/v1/regions/{code}'.get.parameters.find { it.name == 'code' }.schema.type")).isEqualTo("string");
        assertThat(doc.getString("paths.'/api/v1/regions/{code}'.get.parameters.find { it.name == 'code' }.example")).isEqualTo("18.72");
        assertThat(doc.getInt("paths.'/api/v1/regions'.get.parameters.find { it.name == 'q' }.schema.maxLength")).isLessThanOrEqualTo(4096);
        assertThat(doc.getBoolean("paths.'/api/v1/regions/{code}/profile'.put.parameters.find { it.name == 'If-Match' }.required")).isTrue();
        assertThat(doc.getString("paths.'/api/v1/regions/{code}/profile'.post.parameters.find { it.name == 'Idempotency-Key' }.required"))
                .as("optional, as the server treats it").isNotEqualTo("true");
        assertThat(doc.getInt("paths.'/api/v1/regions/{code}/profile'.post.parameters.find { it.name == 'Idempotency-Key' }.schema.maxLength"))
                .isEqualTo(255);
        // the realm's scheme, usable by Swagger UI's Authorize; roles named, not scopes
        assertThat(doc.getMap("components.securitySchemes")).containsOnlyKeys("keycloak");
        assertThat(doc.getString("components.securitySchemes.keycloak.flows.authorizationCode.authorizationUrl"))
                .isEqualTo("http://localhost:8180/realms/kotacerdas/protocol/openid-connect/auth");
        assertThat(doc.getString("components.securitySchemes.keycloak.flows.clientCredentials.tokenUrl"))
                .isEqualTo("http://localhost:8180/realms/kotacerdas/protocol/openid-connect/token");
        assertThat(doc.getMap("components.securitySchemes.keycloak.flows.authorizationCode.scopes")).containsKey("openid");
        assertThat(doc.getList("paths.'/api/v1/regions/{code}/profile'.put.security.keycloak.flatten()")).isEmpty();
        assertThat(doc.getString("paths.'/api/v1/regions/{code}/profile'.put.description"))
                .endsWith("Roles: `ministry-admin`, `region-officer`.");
        // examples are JSON, problem instances are URI references, audit states are objects
        assertThat(doc.getString("components.schemas.Problem.properties.instance.format")).isEqualTo("uri-reference");
        assertThat(doc.getList("components.schemas.AuditEntry.properties.before.type")).contains("object", "null");
        given().accept("application/json").get("/q/openapi").then()
                .body("paths.'/api/v1/regions/{code}'.get.responses.'200'.headers.ETag.schema.type", equalTo("string"))
                .body("paths.'/api/v1/regions/{code}'.get.responses.'401'.content.'application/problem+json'.examples.problem.value.title",
                        equalTo("Unauthorized"))
                .body("servers.'x-internal'", hasItem(true));
    }
}
