package id.kotacerdas.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.testing.RawHttp;
import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What the gateway's HTTP layer refuses is problem+json and never reaches a service: malformed percent-encoding, NUL in
 * the path, overlong request targets and headers (platform-web HttpLayerProblems). Sent byte for byte over a socket.
 */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(OidcWiremockTestResource.class)
class HttpLayerProblemsTest {

    @ConfigProperty(name = "fake.alpha.port")
    int alphaPort;

    static final String TOKEN = Tokens.forUser("ana", "auditor");

    static JsonPath problem(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        JsonPath body = new JsonPath(response.body());
        assertThat(body.getInt("status")).isEqualTo(status);
        assertThat(body.getString("type")).startsWith("https://kotacerdas.id/problems/");
        assertThat(body.getString("title")).isNotBlank();
        assertThat(body.getString("detail")).isNotBlank();
        assertThat(body.getString("requestId")).isNotBlank().isEqualTo(response.header("X-Request-Id"));
        return body;
    }

    void alphaNeverSaw(String path) {
        assertThat(new Upstream(alphaPort).requestsTo(path)).isEmpty();
    }

    @Test
    void malformedPercentEncodingIsA400FromTheGateway() {
        JsonPath body = problem(RawHttp.send(RestAssured.port, "GET", "/api/v1/things/%zz", "Authorization: Bearer " + TOKEN), 400);
        assertThat(body.getList("violations.field")).containsExactly("path");
        body = problem(RawHttp.send(RestAssured.port, "GET", "/api/v1/things?q=%zz", "Authorization: Bearer " + TOKEN), 400);
        assertThat(body.getList("violations.field")).containsExactly("q");
        alphaNeverSaw("/api/v1/things/%zz");
        alphaNeverSaw("/api/v1/things");
    }

    @Test
    void nulInThePathIsA400FromTheGateway() {
        JsonPath body = problem(RawHttp.send(RestAssured.port, "GET", "/api/v1/things/a%00b", "Authorization: Bearer " + TOKEN), 400);
        assertThat(body.getList("violations.field")).containsExactly("path");
        alphaNeverSaw("/api/v1/things/a%00b");
    }

    @Test
    void overlongRequestTargetIsA414FromTheGateway() {
        JsonPath body = problem(RawHttp.send(RestAssured.port, "GET", "/api/v1/things/" + "x".repeat(5000),
                "Authorization: Bearer " + TOKEN), 414);
        assertThat(body.getString("detail")).contains("4096");
        alphaNeverSaw("/api/v1/things/" + "x".repeat(5000));
    }

    @Test
    void overlongHeadersAreA431FromTheGateway() {
        JsonPath body = problem(RawHttp.send(RestAssured.port, "GET", "/api/v1/things/padded",
                "Authorization: Bearer " + TOKEN, "X-Padding: " + "p".repeat(20_000)), 431);
        assertThat(body.getString("detail")).contains("16384");
        alphaNeverSaw("/api/v1/things/padded");
    }

    @Test
    void unknownPathIsStillA404ProblemWithARequestId() {
        problem(RawHttp.send(RestAssured.port, "DELETE", "/nowhere"), 404);
    }
}
