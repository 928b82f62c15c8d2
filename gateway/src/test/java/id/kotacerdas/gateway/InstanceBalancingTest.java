package id.kotacerdas.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
 * A route with two instances ({@code pair}: fake servers {@code one} and {@code two}) gets its requests in turn; an
 * instance that refuses connections is skipped without the callers noticing, and takes its turn again once it answers.
 */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(OidcWiremockTestResource.class)
class InstanceBalancingTest {

    @ConfigProperty(name = "fake.alpha.port")
    int alphaPort;
    @ConfigProperty(name = "fake.one.port")
    int onePort;
    @ConfigProperty(name = "fake.two.port")
    int twoPort;

    @Test
    void requestsGoToEachInstanceInTurnSkipOneThatRefusesAndReturnToItWhenItAnswers() {
        String token = Tokens.forUser("ana", "auditor");
        Upstream one = new Upstream(onePort);
        Upstream two = new Upstream(twoPort);
        Upstream control = new Upstream(alphaPort);
        String run = "/api/v1/pair/" + UUID.randomUUID();

        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(token).get(run + "/spread-" + i).then().statusCode(200);
        }
        assertThat(one.requestsUnder(run + "/spread-")).as("round robin").isEqualTo(5);
        assertThat(two.requestsUnder(run + "/spread-")).as("round robin").isEqualTo(5);

        control.instance(twoPort, false); // killed: its port refuses connections
        try {
            for (int i = 0; i < 10; i++) {
                given().auth().oauth2(token).get(run + "/one-left-" + i).then().statusCode(200);
            }
            assertThat(one.requestsUnder(run + "/one-left-")).as("every request went to the other instance").isEqualTo(10);
            assertThat(metrics()).contains(gauge(twoPort) + " 0.0").contains(gauge(onePort) + " 1.0");
        } finally {
            control.instance(twoPort, true); // answers again, on the same port
        }
        // asked every 100 ms while it is skipped: back within a few probes
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> metrics().contains(gauge(twoPort) + " 1.0"));
        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(token).get(run + "/both-again-" + i).then().statusCode(200);
        }
        assertThat(two.requestsUnder(run + "/both-again-")).as("back in turn").isEqualTo(5);
        assertThat(one.requestsUnder(run + "/both-again-")).isEqualTo(5);
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static String gauge(int port) {
        return "kotacerdas_gateway_instance_up{instance=\"http://localhost:" + port + "\",route=\"pair\"}";
    }
}
