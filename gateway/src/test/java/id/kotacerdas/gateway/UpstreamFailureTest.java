package id.kotacerdas.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A service that is down, slow or failing gets a problem from the gateway, and a breaker stops hammering it. */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(OidcWiremockTestResource.class)
class UpstreamFailureTest {

    /** A client that gives up after 2 s: health must answer within a second whatever is down. */
    static final RestAssuredConfig TWO_SECONDS = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 2000)
            .setParam("http.socket.timeout", 2000));

    @ConfigProperty(name = "fake.alpha.port")
    int alphaPort;
    @ConfigProperty(name = "fake.beta.port")
    int betaPort;
    @ConfigProperty(name = "fake.gamma.port")
    int gammaPort;

    static String token() {
        return Tokens.forUser("ana", "auditor");
    }

    @Test
    void serviceThatIsDownIs502Problem() {
        given().auth().oauth2(token()).get("/api/v1/down/anything").then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kotacerdas.id/problems/bad-gateway"))
                .body("status", equalTo(502))
                .body("detail", equalTo("Service down could not be reached."))
                .body("requestId", notNullValue());
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("kotacerdas_gateway_upstream_errors_total{kind=\"unreachable\",route=\"down\"}"));
    }

    @Test
    void slowServiceIs504AfterTheRoutesTimeoutAndTheRouteStillWorksAfterwards() {
        long start = System.nanoTime();
        given().auth().oauth2(token()).header("X-Fake-Delay-Ms", "3000").get("/api/v1/slow/" + UUID.randomUUID())
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kotacerdas.id/problems/gateway-timeout"))
                .body("status", equalTo(504));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("answered after the 500 ms timeout, not after the service's 3 s").isBetween(450L, 2500L);

        given().auth().oauth2(token()).get("/api/v1/slow/" + UUID.randomUUID()).then().statusCode(200);
    }

    @Test
    void failingServiceOpensTheBreakerThen503FastWithoutCallingItUntilItRecovers() {
        String token = token();
        // the service answers 503 four times: the breaker (4 calls, half failing) opens
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(token).header("X-Fake-Status", "503").get("/api/v1/fragile/failing")
                    .then().statusCode(503).body("path", equalTo("/api/v1/fragile/failing")); // the service's own answer
        }
        String path = "/api/v1/fragile/" + UUID.randomUUID();
        long start = System.nanoTime();
        Response refused = given().auth().oauth2(token).get(path);
        long millis = (System.nanoTime() - start) / 1_000_000;
        refused.then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kotacerdas.id/problems/service-unavailable"))
                .header("Retry-After", notNullValue());
        assertThat(millis).isLessThan(1000);
        assertThat(new Upstream(betaPort).requestsTo(path)).as("the open breaker kept the call away").isEmpty();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("kotacerdas_gateway_breaker_open{route=\"fragile\"} 1.0")
                .contains("kotacerdas_gateway_upstream_errors_total{kind=\"breaker-open\",route=\"fragile\"}")
                .containsPattern("kotacerdas_gateway_upstream_errors_total\\{kind=\"5xx\",route=\"fragile\"} [4-9]");

        // after the breaker's delay a trial call goes through and closes it again
        Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(300))
                .untilAsserted(() -> given().auth().oauth2(token).get(path).then().statusCode(200));
        given().auth().oauth2(token).get(path).then().statusCode(200);
        assertThat(new Upstream(betaPort).requestsTo(path)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void repeatedUpstream500sOpenTheBreakerThen503WithoutCallingTheUpstream() {
        String token = token();
        // a service that fails every request with 500 (its own problem) is failing, like one that is down
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(token).header("X-Fake-Status", "500").get("/api/v1/brittle/failing")
                    .then().statusCode(500).body("path", equalTo("/api/v1/brittle/failing")); // the service's own answer
        }
        String path = "/api/v1/brittle/" + UUID.randomUUID();
        given().auth().oauth2(token).get(path).then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kotacerdas.id/problems/service-unavailable"))
                .body("detail", equalTo("Service brittle is failing; the gateway stopped calling it for a while."))
                .header("Retry-After", notNullValue());
        assertThat(new Upstream(betaPort).requestsTo(path)).as("the open breaker kept the call away").isEmpty();
        // other routes to the same service are not affected
        given().auth().oauth2(token).get("/api/v1/widgets/" + UUID.randomUUID()).then().statusCode(200);

        Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(300))
                .untilAsserted(() -> given().auth().oauth2(token).get(path).then().statusCode(200));
    }

    @Test
    void openBreakerClosesAsSoonAsTheUpstreamIsReadyAgainAfterItWasDown() {
        String token = token();
        Upstream gamma = new Upstream(gammaPort);
        String path = "/api/v1/recovering/" + UUID.randomUUID();
        gamma.readiness(503); // e.g. its database is down: readiness DOWN, requests 503
        try {
            for (int i = 0; i < 4; i++) {
                given().auth().oauth2(token).header("X-Fake-Status", "503").get("/api/v1/recovering/failing")
                        .then().statusCode(503).body("path", equalTo("/api/v1/recovering/failing"));
            }
            given().auth().oauth2(token).get(path).then().statusCode(503)
                    .body("type", equalTo("https://kotacerdas.id/problems/service-unavailable"))
                    .body("detail", equalTo("Service recovering is failing; the gateway stopped calling it for a while."));
            // while the breaker is open the gateway asks the upstream's readiness, which still says "not ready"
            int probes = gamma.stats().getInt("readinessRequests");
            Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(50))
                    .until(() -> gamma.stats().getInt("readinessRequests") >= probes + 2);
            given().auth().oauth2(token).get(path).then().statusCode(503)
                    .body("type", equalTo("https://kotacerdas.id/problems/service-unavailable"));
            assertThat(gamma.requestsTo(path)).as("still open while the upstream is not ready").isEmpty();
        } finally {
            gamma.readiness(200);
        }
        // ready again: the breaker closes long before its delay of a minute
        Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(100))
                .untilAsserted(() -> given().auth().oauth2(token).get(path).then().statusCode(200));
        assertThat(gamma.requestsTo(path)).hasSize(1);
    }

    @Test
    void anUpstreamBackBeforeTheFirstProbeClosesTheBreakerEveryTime() {
        String token = token();
        Upstream gamma = new Upstream(gammaPort);
        // a quick restart (issue 27): requests answered 503 open the breaker, but readiness is already 200 again when
        // the gateway first asks; twice, because a breaker must close like this every time, not once
        String breaker = "gateway-route-restarting";
        java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
        CircuitBreakerMaintenance.get().onStateChange(breaker, state -> {
            if (state == CircuitBreakerState.OPEN) {
                opened.incrementAndGet();
            }
        });
        for (int round = 0; round < 2; round++) {
            String path = "/api/v1/restarting/" + UUID.randomUUID();
            int probes = gamma.stats().getInt("readinessRequests");
            int before = opened.get();
            for (int i = 0; i < 20 && opened.get() == before; i++) {
                given().auth().oauth2(token).header("X-Fake-Status", "503").get("/api/v1/restarting/failing")
                        .then().statusCode(503);
            }
            assertThat(opened.get()).as("round %d: the breaker opened", round).isGreaterThan(before);
            // closed by the readiness within a few probes (100 ms apart), not by its delay of a minute
            Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).pollInterval(java.time.Duration.ofMillis(50))
                    .until(() -> CircuitBreakerMaintenance.get().currentState(breaker) == CircuitBreakerState.CLOSED);
            assertThat(gamma.stats().getInt("readinessRequests")).as("closed by a readiness probe").isGreaterThan(probes);
            given().auth().oauth2(token).get(path).then().statusCode(200);
        }
    }

    @Test
    void unreachableRoutesDoNotDisturbOtherRoutes() {
        given().auth().oauth2(token()).get("/api/v1/down/x").then().statusCode(502);
        given().auth().oauth2(token()).get("/api/v1/things/" + UUID.randomUUID()).then().statusCode(200);
    }
}
