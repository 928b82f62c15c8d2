package id.kotacerdas.region;

import static id.kotacerdas.region.RegionProfileTest.MINISTRY;
import static id.kotacerdas.region.RegionProfileTest.ensureProfile;
import static id.kotacerdas.region.RegionProfileTest.profile;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox absorbs a Kafka outage, so the service stays ready and says what it sees. Stops the shared broker: a
 * class of its own, and the broker is started again after each test.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
@WithTestResource(OidcWiremockTestResource.class)
class KafkaOutageTest {

    /** Health must answer within a second whatever is down: a client that gives up after 2 s must get an answer. */
    static final RestAssuredConfig TWO_SECONDS = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 2000)
            .setParam("http.socket.timeout", 2000));

    @AfterEach
    void kafkaRunsAgain() {
        InfrastructureTestResource.startKafka();
    }

    static JsonPath ready(int status) {
        return given().config(TWO_SECONDS).get("/q/health/ready").then().statusCode(status).extract().jsonPath();
    }

    static long pending(JsonPath ready) {
        Object value = ready.get("checks.find { it.name == 'outbox' }.data.pending");
        assertThat(value).as("pending is a number: %s", value).isInstanceOf(Number.class);
        return ((Number) value).longValue();
    }

    @Test
    void serviceStaysReadyWhileKafkaIsDownAndReportsKafkaAndTheWaitingEvents() {
        String etag = ensureProfile("33.74");
        // what the service published at its start (the region registry) has left: only this test's event waits below
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> pending(ready(200)) == 0);
        InfrastructureTestResource.stopKafka();

        JsonPath down = ready(200);
        assertThat(down.getString("status")).isEqualTo("UP");
        assertThat(down.getString("checks.find { it.name == 'outbox' }.status")).isEqualTo("UP");
        assertThat(down.getString("checks.find { it.name == 'outbox' }.data.kafka")).startsWith("DOWN");
        assertThat(down.getString("checks.find { it.name == 'database' }.status")).isEqualTo("UP");
        given().config(TWO_SECONDS).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        // writes go on; their events wait in the outbox, and readiness counts them
        String website = "https://semarang-" + UUID.randomUUID() + ".go.id";
        given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON).body(profile(website))
                .put("/api/v1/regions/33.74/profile").then().statusCode(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonPath waiting = ready(200);
            assertThat(pending(waiting)).isGreaterThanOrEqualTo(1);
            // in its back-off (60 s in the tests): without the wake-up it would send nothing before it ends
            assertThat(waiting.getString("checks.find { it.name == 'outbox' }.data.relay")).startsWith("retrying within 60000 ms");
        });

        // the relay notices Kafka's return (it asks every second while failing) and drains at once (issue 27)
        InfrastructureTestResource.startKafka();
        java.time.Instant kafkaBack = java.time.Instant.now();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            String last = ready(200).getString("checks.find { it.name == 'outbox' }.data.lastPublishedAt");
            assertThat(last).as("an event published since Kafka is back").isNotNull();
            assertThat(java.time.Instant.parse(last)).isAfter(kafkaBack);
        });
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonPath back = ready(200);
            assertThat(back.getString("checks.find { it.name == 'outbox' }.data.kafka")).startsWith("UP");
            assertThat(pending(back)).isZero();
            assertThat(back.getString("checks.find { it.name == 'outbox' }.data.relay")).isEqualTo("running");
        });
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'outbox' }.data.lastPublishedAt", startsWith("20"));
    }
}
