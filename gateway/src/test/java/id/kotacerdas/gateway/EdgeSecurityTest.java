package id.kotacerdas.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Callers are recognised, refused and limited at the gateway, before any service sees them. */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(OidcWiremockTestResource.class)
class EdgeSecurityTest {

    @ConfigProperty(name = "fake.alpha.port")
    int alphaPort;

    @Test
    void missingTokenIs401ProblemAndTheServiceIsNotCalled() {
        String path = "/api/v1/things/" + UUID.randomUUID();
        given().get(path).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"kotacerdas\"")
                .body("type", equalTo("https://kotacerdas.id/problems/unauthorized"))
                .body("status", equalTo(401))
                .body("instance", equalTo(path))
                .body("requestId", notNullValue());
        assertThat(new Upstream(alphaPort).requestsTo(path)).isEmpty();
    }

    @Test
    void badExpiredForeignAndMisaddressedTokensAre401AndTheServiceIsNotCalled() {
        String path = "/api/v1/things/" + UUID.randomUUID();
        for (String token : new String[] {
                "not-a-jwt",
                Tokens.user("ana").roles("auditor").lifetime(Duration.ofMinutes(-5)).sign(),
                Tokens.user("ana").roles("auditor").issuer("https://evil.example.com").sign(),
                Tokens.user("ana").roles("auditor").audience("https://elsewhere.example.com").sign() }) {
            given().auth().oauth2(token).post(path).then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                    .body("type", equalTo("https://kotacerdas.id/problems/unauthorized"));
        }
        assertThat(new Upstream(alphaPort).requestsTo(path)).isEmpty();
    }

    @Test
    void aVerifiedTokenIsTrustedOnlyAsItIsAndUntilItExpires() {
        String path = "/api/v1/things/" + UUID.randomUUID();
        String token = Tokens.user("ana").roles("auditor").lifetime(Duration.ofSeconds(3)).sign();
        given().auth().oauth2(token).get(path).then().statusCode(200);
        given().auth().oauth2(token).get(path).then().statusCode(200); // remembered

        int inSignature = token.lastIndexOf('.') + 10;
        char original = token.charAt(inSignature);
        String tampered = token.substring(0, inSignature) + (original == 'A' ? 'Q' : 'A') + token.substring(inSignature + 1);
        given().auth().oauth2(tampered).get(path).then().statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""));
        assertThat(new Upstream(alphaPort).requestsTo(path)).hasSize(2);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> given().auth().oauth2(token).get(path).then().statusCode(401)
                        .header("WWW-Authenticate", containsString("error=\"invalid_token\"")));
        int forwarded = new Upstream(alphaPort).requestsTo(path).size();
        given().auth().oauth2(token).get(path).then().statusCode(401);
        assertThat(new Upstream(alphaPort).requestsTo(path)).hasSize(forwarded);
    }

    @Test
    void publicPrefixOfARouteNeedsNoToken() {
        given().get("/api/v1/things/public/info").then().statusCode(200).body("path", equalTo("/api/v1/things/public/info"));
    }

    @Test
    void healthDocumentsSwaggerUiAndMetricsArePublic() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/openapi/alpha").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void eachCallerHasItsOwnRateLimitAnsweredWith429AndRetryAfter() {
        String alice = Tokens.forUser("rate-" + UUID.randomUUID(), "integrator");
        String bob = Tokens.forUser("rate-" + UUID.randomUUID(), "integrator");
        String path = "/api/v1/limited/" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            // every answer tells the caller what is left of its limit (3 per minute, a burst of 3)
            // (draft-ietf-httpapi-ratelimit-headers: quota q per window w; r left, full again in t seconds)
            Response ok = given().auth().oauth2(alice).get(path);
            ok.then().statusCode(200).header("RateLimit-Policy", "\"limited\";q=3;w=60");
            assertThat(ok.header("RateLimit")).startsWith("\"limited\";r=" + (2 - i) + ";t=");
            assertThat(Integer.parseInt(ok.header("RateLimit").replaceFirst(".*;t=", ""))).isBetween(1, 20 * (i + 1));
        }
        Response limited = given().auth().oauth2(alice).get(path);
        assertThat(limited.header("RateLimit")).startsWith("\"limited\";r=0;t=");
        limited.then().statusCode(429)
                .header("RateLimit-Policy", "\"limited\";q=3;w=60")
                .contentType("application/problem+json")
                .body("type", equalTo("https://kotacerdas.id/problems/too-many-requests"))
                .body("status", equalTo(429));
        // 3 per minute: a token comes back every 20 s
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 20);
        assertThat(new Upstream(alphaPort).requestsTo(path)).hasSize(3);

        given().auth().oauth2(bob).get(path).then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("kotacerdas_gateway_rate_limited_total{route=\"limited\"}"));
    }

    @Test
    void anonymousCallersOfAPublicPathAreLimitedByAddress() {
        String path = "/api/v1/limited/public/" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            given().get(path).then().statusCode(200);
        }
        given().get(path).then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void corsPreflightFromAnAllowedOriginIsAnswered() {
        given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/v1/things")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
        given().auth().oauth2(Tokens.forUser("ana", "auditor")).header("Origin", "http://localhost:3000")
                .get("/api/v1/things/cors")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Location"));
    }

    @Test
    void corsPreflightFromAnUnknownOriginIsRefused() {
        Response response = given().header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "DELETE")
                .options("/api/v1/things/x");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void securityHeadersAreOnGatewayAndServiceResponsesAndNoHstsOnPlainHttp() {
        for (Response response : new Response[] {
                given().get("/nowhere"),
                given().auth().oauth2(Tokens.forUser("ana", "auditor")).get("/api/v1/things/headers"),
                given().get("/q/swagger-ui/") }) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Content-Security-Policy")).isEqualTo("frame-ancestors 'none'");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("Strict-Transport-Security")).isNull();
        }
    }
}
