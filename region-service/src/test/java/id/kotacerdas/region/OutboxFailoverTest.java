package id.kotacerdas.region;

import static id.kotacerdas.region.RegionProfileTest.MINISTRY;
import static id.kotacerdas.region.RegionProfileTest.ensureProfile;
import static id.kotacerdas.region.RegionProfileTest.profile;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.KafkaEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: the outbox relay of one instance at a time. An advisory lock lets only one relay of a service drain; here
 * another database session (the other instance's relay) holds it: this instance's relay sends nothing, its events
 * wait. When that holder dies (its backend terminated, as PostgreSQL ends the session of a killed process), this relay
 * drains everything within seconds, in order, each event once.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
@WithTestResource(OidcWiremockTestResource.class)
class OutboxFailoverTest {

    private static final Logger LOG = Logger.getLogger(OutboxFailoverTest.class);
    /** platform/core OutboxRelay's lock. */
    static final long RELAY_LOCK = 7_294_120_001L;
    static final int EVENTS = 5;

    @Test
    void whileAnotherInstanceHoldsTheRelayLockNothingLeavesAndWhenItDiesEverythingLeavesOnceInOrder() throws Exception {
        String code = "61.71"; // Kota Pontianak: no other test writes its profile
        String etag = ensureProfile(code);
        String run = UUID.randomUUID().toString();
        List<String> websites = new ArrayList<>();
        try (KafkaEvents events = KafkaEvents.on(RegionProfileTest.TOPIC);
                Connection other = connect()) {
            other.setAutoCommit(false);
            int holder;
            try (Statement s = other.createStatement();
                    ResultSet rs = s.executeQuery("SELECT pg_backend_pid() FROM (SELECT pg_advisory_xact_lock("
                            + RELAY_LOCK + ")) AS locked")) {
                rs.next();
                holder = rs.getInt(1);
            }
            for (int i = 0; i < EVENTS; i++) {
                String website = "https://pontianak-" + run + "-" + i + ".go.id";
                websites.add(website);
                etag = given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON)
                        .body(profile(website)).put("/api/v1/regions/{code}/profile", code).then().statusCode(200)
                        .extract().header("ETag");
            }
            // the writes' notifications and the relay's sweeps come and go: nothing is sent, nothing marked
            events.assertNoRecord(r -> r.value() != null && r.value().contains(run), Duration.ofSeconds(3));
            assertThat(unpublished(run)).isEqualTo(EVENTS);

            long killed = System.nanoTime();
            try (Connection admin = connect(); Statement s = admin.createStatement()) {
                s.execute("SELECT pg_terminate_backend(" + holder + ")");
            }
            List<ConsumerRecord<String, String>> sent = events.awaitRecords(
                    r -> r.value() != null && r.value().contains(run), EVENTS, Duration.ofSeconds(10));
            long failoverMs = (System.nanoTime() - killed) / 1_000_000;
            LOG.infof("Outbox failover: %d events on Kafka %d ms after the lock holder died", EVENTS, failoverMs);
            assertThat(failoverMs).isLessThan(5_000);
            assertThat(sent.stream().map(ConsumerRecord::value)
                    .map(v -> websites.stream().filter(v::contains).findFirst().orElseThrow()).toList())
                    .containsExactlyElementsOf(websites);
            assertThat(sent.stream().map(r -> KafkaEvents.header(r, "ce_id")).distinct()).hasSize(EVENTS);
            await().atMost(Duration.ofSeconds(10)).until(() -> unpublished(run) == 0);
            // nothing twice: no further record of the run arrives
            AtomicInteger count = new AtomicInteger();
            events.assertNoRecord(r -> r.value() != null && r.value().contains(run)
                    && count.incrementAndGet() > EVENTS, Duration.ofSeconds(2));
        }
    }

    private static long unpublished(String run) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox_event WHERE published_at IS NULL"
                        + " AND payload::text LIKE '%" + run + "%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(InfrastructureTestResource.jdbcUrl("region"), "region", "region");
    }
}
