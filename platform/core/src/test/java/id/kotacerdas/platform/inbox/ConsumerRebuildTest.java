package id.kotacerdas.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import id.kotacerdas.platform.inbox.app.RebuildProbeConsumer;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code POST /admin/consumers/{channel}/rebuild} on the rebuild probe's channel ({@value #TOPIC}). */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = Db.DATABASE))
@WithTestResource(OidcWiremockTestResource.class)
class ConsumerRebuildTest {

    static final String TOPIC = "kotacerdas.inbox-rebuild.test.v1";
    static final String CONSUMER = RebuildProbeConsumer.CHANNEL;
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String MINISTRY = Tokens.forUser("ministry", "ministry-admin");
    static final String AUDITOR = Tokens.forUser("auditor", "auditor");

    static final String FACTS = "SELECT fact_key, fact_value, occurred_at, event_id FROM probe_fact WHERE consumer = ? ORDER BY fact_key";
    static final String APPLICATIONS = "SELECT event_id, applications FROM probe_application WHERE consumer = ? ORDER BY event_id";
    static final String PROCESSED = """
            SELECT event_id, event_type, topic, kafka_partition, kafka_offset FROM processed_event
            WHERE consumer = ? ORDER BY event_id""";

    @Inject
    MeterRegistry registry;

    @Test
    void rebuildReplaysTheTopicsFromTheBeginningToTheSameStateApplyingEachEventOnce() {
        int records = 0;
        try (TestEvents events = new TestEvents()) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            List<String> last = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                String key = "rebuild-" + k + "-" + UUID.randomUUID();
                for (int v = 0; v < 3; v++) {
                    events.probe(TOPIC, TestEvents.newId(), key, "v" + v, now.plusSeconds(v));
                    records++;
                }
                // a late, older fact and a redelivered one: both must come out the same after the rebuild
                events.probe(TOPIC, TestEvents.newId(), key, "late-and-older", now.minusDays(1));
                String dup = TestEvents.newId();
                events.probe(TOPIC, dup, key, "v3", now.plusSeconds(3));
                events.probe(TOPIC, dup, key, "v3", now.plusSeconds(3));
                // the key's last record: once it is processed, so is everything before it
                String fin = TestEvents.newId();
                events.probe(TOPIC, fin, key, "v4", now.plusSeconds(4));
                records += 4;
                last.add(fin);
            }
            await().atMost(WAIT).until(() -> last.stream().allMatch(id -> Db.processed(CONSUMER, id) != null));
        }
        List<Map<String, Object>> facts = Db.query(FACTS, CONSUMER);
        List<Map<String, Object>> applications = Db.query(APPLICATIONS, CONSUMER);
        List<Map<String, Object>> processed = Db.query(PROCESSED, CONSUMER);
        assertThat(facts).hasSize(4).allMatch(row -> "v4".equals(row.get("fact_value")));
        assertThat(applications).hasSize(records - 4).allMatch(row -> ((Number) row.get("applications")).intValue() == 1);
        // something no event says: a rebuild must not keep it
        Db.update("INSERT INTO probe_fact (consumer, fact_key, fact_value, occurred_at, event_id) VALUES (?, ?, ?, now(), ?)",
                CONSUMER, "not-from-any-event", "stale", "none");
        double duplicates = registry.counter("kotacerdas.inbox.events", "consumer", CONSUMER, "outcome", "duplicate").count();
        int caughtUp = RebuildProbeConsumer.CAUGHT_UP.get();

        JsonPath report = given().auth().oauth2(MINISTRY).post("/admin/consumers/{channel}/rebuild", CONSUMER)
                .then().statusCode(202)
                .body("channel", equalTo(CONSUMER))
                .body("groupId", equalTo("inbox-test." + CONSUMER))
                .extract().jsonPath();
        assertThat(report.getLong("forgottenEvents")).isEqualTo(processed.size());
        assertThat(report.getList("partitions.topic", String.class)).containsOnly(TOPIC).hasSize(3);
        assertThat(report.getList("partitions.fromOffset", Long.class)).containsOnly(0L);
        assertThat(report.getList("partitions.untilOffset", Long.class).stream().mapToLong(Long::longValue).sum())
                .as("the whole topic is replayed").isEqualTo(records);

        await().atMost(WAIT).until(() -> Db.query(PROCESSED, CONSUMER).equals(processed));
        await().atMost(WAIT).until(() -> Db.query(FACTS, CONSUMER).equals(facts));
        assertThat(Db.query(APPLICATIONS, CONSUMER)).as("each event applied once again, none twice").isEqualTo(applications);
        // the lag after the replay is what is really left: none (issue 27: the replayed partitions showed the whole
        // replay as lag for minutes, until new records came)
        Map<Integer, Long> until = new java.util.HashMap<>();
        for (int i = 0; i < 3; i++) {
            until.put(report.getInt("partitions[" + i + "].partition"), report.getLong("partitions[" + i + "].untilOffset"));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> until.equals(committedOffsets()));
        // then, once, the handler is told: every replayed event was processed by then (a consumer building beside swaps here)
        await().atMost(WAIT).until(() -> RebuildProbeConsumer.CAUGHT_UP.get() == caughtUp + 1);
        assertThat(RebuildProbeConsumer.PROCESSED_WHEN_CAUGHT_UP.get()).isEqualTo(processed.size());
        assertThat(Db.fact(CONSUMER, "not-from-any-event")).isNull();
        assertThat(registry.counter("kotacerdas.inbox.events", "consumer", CONSUMER, "outcome", "duplicate").count()
                - duplicates).as("the redelivered copies were skipped again").isEqualTo(4.0);
    }

    /** The consumer group's committed offsets per partition of {@value #TOPIC}, as an operator's lag tool reads them. */
    static Map<Integer, Long> committedOffsets() throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                "bootstrap.servers", InfrastructureTestResource.kafkaBootstrapServers()))) {
            Map<Integer, Long> offsets = new java.util.HashMap<>();
            admin.listConsumerGroupOffsets("inbox-test." + CONSUMER).partitionsToOffsetAndMetadata().get()
                    .forEach((tp, offset) -> {
                        if (tp.topic().equals(TOPIC) && offset != null) {
                            offsets.put(tp.partition(), offset.offset());
                        }
                    });
            return offsets;
        }
    }

    @Test
    void rebuildOfAChannelWithoutConsumerIsANotFoundProblem() {
        given().auth().oauth2(MINISTRY).post("/admin/consumers/{channel}/rebuild", "no-such-channel")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", endsWith("/not-found"))
                .body("detail", containsString("'no-such-channel'"))
                .body("detail", containsString("probe, probe-rebuild, probe-restart"));
    }

    @Test
    void onlyTheMinistryMayRebuildAndARefusedRebuildChangesNothing() {
        long processed = Db.count("SELECT count(*) FROM processed_event WHERE consumer = ?", CONSUMER);
        given().post("/admin/consumers/{channel}/rebuild", CONSUMER)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(AUDITOR).post("/admin/consumers/{channel}/rebuild", CONSUMER)
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(Db.count("SELECT count(*) FROM processed_event WHERE consumer = ?", CONSUMER)).isEqualTo(processed);
    }
}
