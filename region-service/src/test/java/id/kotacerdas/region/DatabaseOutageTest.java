package id.kotacerdas.region;

import static id.kotacerdas.region.KafkaOutageTest.TWO_SECONDS;
import static id.kotacerdas.region.RegionProfileTest.MINISTRY;
import static id.kotacerdas.region.RegionProfileTest.count;
import static id.kotacerdas.region.RegionProfileTest.ensureProfile;
import static id.kotacerdas.region.RegionProfileTest.profile;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A database that cannot be reached is a 503 problem the client may retry, not a 500, and the service recovers by
 * itself. Stops the shared PostgreSQL: a class of its own, and PostgreSQL is started again after each test.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
@WithTestResource(OidcWiremockTestResource.class)
class DatabaseOutageTest {

    /** The JDBC pool (Flyway and schema validation at start-up only) keeps connections the restart broke. */
    @Inject
    AgroalDataSource jdbc;

    @AfterEach
    void postgresRunsAgain() {
        InfrastructureTestResource.startPostgres();
        jdbc.flush(AgroalDataSource.FlushMode.ALL);
    }

    static void unavailable(ValidatableResponse response) {
        response.statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://kotacerdas.id/problems/service-unavailable"))
                .body("status", equalTo(503))
                .body("detail", startsWith("The service's database cannot be reached"))
                .body("requestId", notNullValue());
    }

    /**
     * Issue 27: PostgreSQL stopping while writes are in flight. A write caught mid-transaction fails and its rollback
     * fails too (a Mutiny {@code CompositeException}); every answer is still a success, a stale ETag or a {@code 503},
     * never a {@code 500}.
     */
    @Test
    void writesInFlightWhenPostgresStopsGetNo5xxBut503() throws Exception {
        ensureProfile("34.04");
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                running.add(writers.submit(() -> {
                    while (!stop.get()) {
                        try {
                            var read = given().config(TWO_SECONDS).auth().oauth2(MINISTRY).get("/api/v1/regions/34.04/profile");
                            statuses.add(read.statusCode());
                            if (read.statusCode() != 200) {
                                continue;
                            }
                            statuses.add(given().config(TWO_SECONDS).auth().oauth2(MINISTRY).header("If-Match", read.header("ETag"))
                                    .contentType(ContentType.JSON).body(profile("https://sleman-" + UUID.randomUUID() + ".go.id"))
                                    .put("/api/v1/regions/34.04/profile").statusCode());
                        } catch (RuntimeException timeoutOrRefused) {
                            statuses.add(-1); // the client's 2 s ran out: not an answer, and not a 5xx
                        }
                    }
                }));
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> statuses.stream().filter(st -> st == 200).count() >= 8);
            InfrastructureTestResource.stopPostgres();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> statuses.stream().filter(st -> st == 503).count() >= 8);
        } finally {
            stop.set(true);
            for (Future<?> writer : running) {
                writer.get(10, TimeUnit.SECONDS);
            }
            writers.shutdownNow();
            InfrastructureTestResource.startPostgres();
        }
        synchronized (statuses) {
            assertThat(statuses).as("no 5xx other than 503").noneMatch(st -> st >= 500 && st != 503);
            assertThat(statuses).contains(200, 503);
        }
    }

    @Test
    void whilePostgresIsDownRequestsAre503WithRetryAfterAndTheServiceRecoversByItself() throws Exception {
        String etag = ensureProfile("34.71");
        long audits = count("audit_entry"), events = count("outbox_event");
        String website = "https://jogja-" + UUID.randomUUID() + ".go.id";

        InfrastructureTestResource.stopPostgres();
        try {
            // reference data are answered from memory (RegionIndex), the database is needed for the rest
            given().config(TWO_SECONDS).auth().oauth2(MINISTRY).get("/api/v1/regions/34.71").then().statusCode(200)
                    .body("name", equalTo("Kota Yogyakarta"));
            unavailable(given().config(TWO_SECONDS).auth().oauth2(MINISTRY).get("/api/v1/regions/34.71/profile").then());
            unavailable(given().config(TWO_SECONDS).auth().oauth2(MINISTRY).header("If-Match", etag)
                    .contentType(ContentType.JSON).body(profile(website)).put("/api/v1/regions/34.71/profile").then());

            // readiness answers (within the client's 2 s) and names the database; liveness is not affected
            JsonPath ready = given().config(TWO_SECONDS).get("/q/health/ready").then().statusCode(503).extract().jsonPath();
            assertThat(ready.getString("checks.find { it.name == 'database' }.status")).isEqualTo("DOWN");
            assertThat(ready.getString("checks.find { it.name == 'database' }.data.postgresql")).startsWith("DOWN");
            assertThat(ready.getString("checks.find { it.name == 'outbox' }.status")).isEqualTo("UP");
            assertThat(ready.getString("checks.find { it.name == 'outbox' }.data.pending")).startsWith("unknown");
            given().config(TWO_SECONDS).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            InfrastructureTestResource.startPostgres();
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().config(TWO_SECONDS).auth().oauth2(MINISTRY).get("/api/v1/regions/34.71").then().statusCode(200)
                        .body("name", equalTo("Kota Yogyakarta")));
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().config(TWO_SECONDS).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        // the write refused during the outage changed nothing
        given().auth().oauth2(MINISTRY).get("/api/v1/regions/34.71/profile").then().statusCode(200)
                .header("ETag", etag)
                .body("profile.website", not(equalTo(website)));
        assertThat(count("audit_entry")).isEqualTo(audits);
        assertThat(count("outbox_event")).isEqualTo(events);
    }
}
