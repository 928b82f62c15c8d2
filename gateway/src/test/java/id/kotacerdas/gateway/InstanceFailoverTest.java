package id.kotacerdas.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What a route with two instances ({@code one} and {@code two}) does when one fails: a request that could not connect
 * goes on to the other instance whatever its method (nothing was sent); a request whose connection the service broke
 * off before answering is sent again elsewhere only when it cannot act twice (a bodyless {@code GET}), never a
 * {@code POST}; an instance that fails its readiness leaves the pool and comes back ({@code twin}: passive health only;
 * {@code watched}: readiness asked every 100 ms).
 */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(OidcWiremockTestResource.class)
class InstanceFailoverTest {

    @ConfigProperty(name = "fake.alpha.port")
    int alphaPort;
    @ConfigProperty(name = "fake.one.port")
    int onePort;
    @ConfigProperty(name = "fake.two.port")
    int twoPort;

    private final String token = Tokens.forUser("ana", "auditor");

    @Test
    void aRequestThatCouldNotConnectIsSentToTheOtherInstanceWhateverItsMethod() {
        Upstream one = new Upstream(onePort);
        Upstream two = new Upstream(twoPort);
        String run = "/api/v1/twin/" + UUID.randomUUID();
        new Upstream(alphaPort).instance(twoPort, false); // killed: its port refuses connections
        try {
            for (int i = 0; i < 4; i++) {
                given().auth().oauth2(token).contentType("application/json").body("{\"n\":" + i + "}")
                        .post(run + "/order-" + i)
                        .then().statusCode(200).body("path", equalTo(run + "/order-" + i))
                        .body("body", equalTo("{\"n\":" + i + "}"));
            }
            assertThat(one.requestsUnder(run)).as("every POST, with its body, at the instance that is up").isEqualTo(4);
            // only a request trying it can have found two refusing (twin asks no readiness while two is in turn)
            assertThat(metrics()).as("a POST went to two first, and was sent on").contains(gauge("twin", twoPort) + " 0.0");
        } finally {
            new Upstream(alphaPort).instance(twoPort, true);
        }
        awaitUp("twin", twoPort);
    }

    @Test
    void aRequestCutOffBeforeItsAnswerIsSentElsewhereOnlyWhenItCannotActTwice() {
        Upstream one = new Upstream(onePort);
        Upstream two = new Upstream(twoPort);
        String run = "/api/v1/twin/" + UUID.randomUUID();
        // not ready: an instance taken out stays out until the test says so
        one.readiness(503);
        two.readiness(503);
        try {
            String post = run + "/post";
            given().auth().oauth2(token).header("X-Fake-Close", "true").contentType("application/json").body("{}")
                    .post(post)
                    .then().statusCode(502).contentType("application/problem+json")
                    .body("type", equalTo("https://kotacerdas.id/problems/bad-gateway"));
            int atOne = one.requestsTo(post).size();
            int atTwo = two.requestsTo(post).size();
            assertThat(atOne + atTwo).as("the POST may have had its effect: not sent again").isEqualTo(1);
            int broke = atOne == 1 ? onePort : twoPort;
            int other = atOne == 1 ? twoPort : onePort;
            assertThat(metrics()).as("the instance that broke the connection off is out of turn")
                    .contains(gauge("twin", broke) + " 0.0").contains(gauge("twin", other) + " 1.0");

            one.readiness(200);
            two.readiness(200);
            awaitUp("twin", broke);
            one.readiness(503);
            two.readiness(503);

            String get = run + "/get";
            given().auth().oauth2(token).header("X-Fake-Close", "true").get(get).then().statusCode(502);
            assertThat(one.requestsTo(get)).as("the GET, tried on both").hasSize(1);
            assertThat(two.requestsTo(get)).as("the GET, tried on both").hasSize(1);
            assertThat(metrics()).contains(gauge("twin", onePort) + " 0.0").contains(gauge("twin", twoPort) + " 0.0");

            // both out of turn: the route still answers (every instance is tried)
            given().auth().oauth2(token).get(run + "/still-served").then().statusCode(200);
        } finally {
            one.readiness(200);
            two.readiness(200);
        }
        awaitUp("twin", onePort);
        awaitUp("twin", twoPort);
        // the GET of a broken connection is answered when the other instance answers
        given().auth().oauth2(token).get(run + "/after").then().statusCode(200);
    }

    @Test
    void anInstanceWhoseReadinessFailsLeavesThePoolAndComesBackWhenReady() {
        Upstream one = new Upstream(onePort);
        Upstream two = new Upstream(twoPort);
        String run = "/api/v1/watched/" + UUID.randomUUID();
        awaitUp("watched", onePort);
        awaitUp("watched", twoPort);
        two.readiness(503);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> metrics().contains(gauge("watched", twoPort) + " 0.0"));
            for (int i = 0; i < 6; i++) {
                given().auth().oauth2(token).get(run + "/not-ready-" + i).then().statusCode(200);
            }
            assertThat(one.requestsUnder(run + "/not-ready-")).as("none to the instance that is not ready").isEqualTo(6);
            given().get("/q/health/ready").then().statusCode(200)
                    .body(containsString("DOWN (readiness answered 503), skipped"));
        } finally {
            two.readiness(200);
        }
        awaitUp("watched", twoPort);
        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(token).get(run + "/ready-" + i).then().statusCode(200);
        }
        assertThat(two.requestsUnder(run + "/ready-")).as("back in turn").isEqualTo(5);
        assertThat(one.requestsUnder(run + "/ready-")).isEqualTo(5);
    }

    private static void awaitUp(String route, int port) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> metrics().contains(gauge(route, port) + " 1.0"));
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static String gauge(String route, int port) {
        return "kotacerdas_gateway_instance_up{instance=\"http://localhost:" + port + "\",route=\"" + route + "\"}";
    }
}
