package id.kotacerdas.platform.inbox;

import static id.kotacerdas.testing.KafkaEvents.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kotacerdas.platform.inbox.app.ProbeConsumer;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.KafkaEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The idempotent consumer against a real broker and database: the probe consumer of the test service
 * (app/) reads {@value #TOPIC}. Every test uses its own keys; records of one test share a key, so
 * they share a partition and keep their order (a later record proves the earlier ones were passed).
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = Db.DATABASE))
@WithTestResource(OidcWiremockTestResource.class)
class InboxTest {

    static final String TOPIC = "kotacerdas.inbox-probe.test.v1";
    static final String DLQ = TOPIC + Inbox.DEAD_LETTER_SUFFIX;
    static final String CONSUMER = ProbeConsumer.CHANNEL;
    static final Duration WAIT = Duration.ofSeconds(60);

    static TestEvents events;

    @Inject
    ProbeConsumer probe;

    @Inject
    KafkaClientService kafka;

    @Inject
    MeterRegistry registry;

    @BeforeAll
    static void producer() {
        events = new TestEvents();
    }

    @AfterAll
    static void closeProducer() {
        events.close();
    }

    static String newKey() {
        return "k-" + UUID.randomUUID();
    }

    static void awaitFact(String key, String value) {
        await().atMost(WAIT).until(() -> value.equals(Db.fact(CONSUMER, key)));
    }

    @Test
    void eventIsAppliedOnceAndRecordedWithWhereItCameFrom() {
        String key = newKey();
        String id = events.probe(TOPIC, key, "first");

        awaitFact(key, "first");
        assertThat(Db.applications(id)).isEqualTo(1);
        Map<String, Object> row = Db.processed(CONSUMER, id);
        assertThat(row).isNotNull();
        assertThat(row.get("event_type")).isEqualTo(TestEvents.PROBE_TYPE);
        assertThat(row.get("topic")).isEqualTo(TOPIC);
        assertThat((Integer) row.get("kafka_partition")).isBetween(0, 2);
        assertThat((Long) row.get("kafka_offset")).isNotNegative();
        assertThat(row.get("processed_at")).isNotNull();
    }

    @Test
    void redeliveredEventWithTheSameIdIsSkipped() {
        String key = newKey();
        String id = TestEvents.newId();
        OffsetDateTime time = OffsetDateTime.now(ZoneOffset.UTC);
        double duplicatesBefore = counter("duplicate");

        events.probe(TOPIC, id, key, "original", time);
        // the same CloudEvent again, as a producer's retry or a redelivery brings it (its data even differs)
        events.probe(TOPIC, id, key, "redelivered", time.plusSeconds(1));
        String after = TestEvents.newId();
        events.probe(TOPIC, after, key, "after", time.plusSeconds(2));

        awaitFact(key, "after");
        assertThat(Db.applications(id)).as("the effect of the event ran once").isEqualTo(1);
        assertThat(Db.applications(after)).isEqualTo(1);
        assertThat(probe.attempts(id)).as("the duplicate never reached the effect").isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?", CONSUMER, id)).isEqualTo(1);
        assertThat(counter("duplicate") - duplicatesBefore).isEqualTo(1.0);
    }

    @Test
    void poisonGoesToTheDeadLetterTopicWithTheReasonWithoutRetriesAndTheNextEventIsProcessed() {
        String key = newKey();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, String> reasons = new LinkedHashMap<>();

        Map<String, String> h = poison("bad-json", key, now);
        events.send(TOPIC, key, h, "{\"key\": \"" + key + "\", \"value\": ");
        reasons.put("bad-json", "is not ProbeChanged JSON");

        h = poison("unknown-type", key, now);
        h.put("ce_type", "id.kotacerdas.elsewhere.SomethingElse.v1"); // a producer this consumer does not listen to
        events.send(TOPIC, key, h, TestEvents.probeJson(key, "unknown"));
        reasons.put("unknown-type", "Unknown event type id.kotacerdas.elsewhere.SomethingElse.v1; this consumer handles "
                + TestEvents.PROBE_TYPE);

        h = poison("missing-id", key, now);
        h.remove("ce_id");
        events.send(TOPIC, key, h, TestEvents.probeJson(key, "no id"));
        reasons.put("missing-id", "not a CloudEvent in Kafka binary mode: header(s) ce_id missing");

        h = poison("bad-time", key, now);
        h.put("ce_time", "yesterday at noon");
        events.send(TOPIC, key, h, TestEvents.probeJson(key, "bad time"));
        reasons.put("bad-time", "The ce_time header is not an RFC 3339 time: 'yesterday at noon'");

        h = poison("structured", key, now);
        h.put("content-type", "application/cloudevents+json; charset=UTF-8");
        events.send(TOPIC, key, h, "{\"specversion\":");
        reasons.put("structured", "Structured-mode CloudEvents");

        h = poison("no-data", key, now);
        events.send(TOPIC, key, h, null);
        reasons.put("no-data", "has no data");

        String good = events.probe(TOPIC, key, "good");
        awaitFact(key, "good");
        assertThat(Db.applications(good)).isEqualTo(1);

        try (KafkaEvents dlq = KafkaEvents.on(DLQ)) {
            for (Map.Entry<String, String> expected : reasons.entrySet()) {
                ConsumerRecord<String, String> dead = dlq.awaitRecord(
                        r -> key.equals(r.key()) && expected.getKey().equals(header(r, "test-case")), WAIT);
                assertThat(header(dead, "dead-letter-reason")).as(expected.getKey()).contains(expected.getValue());
                assertThat(header(dead, "dead-letter-exception-class-name")).isEqualTo(PoisonEventException.class.getName());
                assertThat(header(dead, "dead-letter-topic")).isEqualTo(TOPIC);
                assertThat(header(dead, "dead-letter-partition")).matches("[0-2]");
                assertThat(header(dead, "dead-letter-offset")).matches("\\d+");
                assertThat(header(dead, Inbox.CONSUMER_HEADER)).isEqualTo(CONSUMER);
                assertThat(header(dead, Inbox.POISON_HEADER)).isEqualTo("true");
                assertThat(header(dead, Inbox.ATTEMPTS_HEADER)).as("never tried").isEqualTo("0");
            }
        }
        assertThat(Db.count("SELECT count(*) FROM probe_application WHERE consumer = ? AND event_id LIKE ?", CONSUMER,
                "poison-" + key + "%")).as("no poison event was applied").isZero();
        assertThat(Db.count("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id LIKE ?", CONSUMER,
                "poison-" + key + "%")).as("and none was recorded").isZero();
    }

    @Test
    void eventTheHandlerDeclaresPoisonIsDeadLetteredAfterOneAttemptAndWritesNothing() {
        String key = newKey();
        String id = TestEvents.newId();
        Map<String, String> h = TestEvents.headers(id, TestEvents.PROBE_TYPE, key, OffsetDateTime.now(ZoneOffset.UTC));
        events.send(TOPIC, key, h, "{\"key\":\"" + key + "\",\"value\":\"bad\",\"poison\":true}");
        String next = events.probe(TOPIC, key, "next");

        awaitFact(key, "next");
        try (KafkaEvents dlq = KafkaEvents.on(DLQ)) {
            ConsumerRecord<String, String> dead = dlq.awaitRecord(r -> id.equals(header(r, "ce_id")), WAIT);
            assertThat(header(dead, "dead-letter-reason")).isEqualTo("Probe " + key + " is poison by its own data");
            assertThat(header(dead, Inbox.POISON_HEADER)).isEqualTo("true");
            assertThat(header(dead, Inbox.ATTEMPTS_HEADER)).isEqualTo("1");
            assertThat(dead.value()).contains("\"poison\":true");
        }
        assertThat(probe.attempts(id)).as("no retry").isEqualTo(1);
        assertThat(Db.applications(id)).as("the failed attempt's writes were rolled back").isZero();
        assertThat(Db.processed(CONSUMER, id)).isNull();
        assertThat(Db.applications(next)).isEqualTo(1);
    }

    @Test
    void transientFailureIsRetriedAndThenAppliedOnce() {
        String key = newKey();
        String id = TestEvents.newId();
        Map<String, String> h = TestEvents.headers(id, TestEvents.PROBE_TYPE, key, OffsetDateTime.now(ZoneOffset.UTC));
        events.send(TOPIC, key, h, "{\"key\":\"" + key + "\",\"value\":\"after two outages\",\"failTimes\":2}");

        awaitFact(key, "after two outages");
        assertThat(probe.attempts(id)).isEqualTo(3);
        assertThat(Db.applications(id)).as("the two failed attempts left nothing behind").isEqualTo(1);
        assertThat(Db.processed(CONSUMER, id)).isNotNull();

        // a poison record after it, on the same key: once it is on the dead-letter topic, anything before it would be too
        Map<String, String> fence = poison("fence", key, OffsetDateTime.now(ZoneOffset.UTC));
        fence.put("ce_type", "id.kotacerdas.elsewhere.Fence.v1");
        events.send(TOPIC, key, fence, "{}");
        try (KafkaEvents dlq = KafkaEvents.on(DLQ)) {
            dlq.awaitRecord(r -> key.equals(r.key()) && "fence".equals(header(r, "test-case")), WAIT);
            assertThat(dlq.seen()).noneMatch(r -> id.equals(header(r, "ce_id")));
        }
    }

    @Test
    void anotherTypeOfTheProducerIsAcknowledgedSkippedAndCountedNeverDeadLettered() {
        String key = newKey();
        String type = "id.kotacerdas.test.SomethingTheProbeIgnores.v1";
        double skippedBefore = skipped(type);
        Map<String, String> h = poison("skipped", key, OffsetDateTime.now(ZoneOffset.UTC));
        h.put("ce_type", type);
        events.send(TOPIC, key, h, "{\"whatever\":true}");
        String next = events.probe(TOPIC, key, "after the skipped one");

        awaitFact(key, "after the skipped one");
        assertThat(Db.applications(next)).isEqualTo(1);
        await().atMost(WAIT).until(() -> skipped(type) == skippedBefore + 1);
        assertThat(Db.processed(CONSUMER, "poison-" + key + "-skipped")).as("skipped, not recorded").isNull();
        // a poison record after it, on the same key: once it is on the dead-letter topic, the skipped one would be too
        Map<String, String> fence = poison("fence", key, OffsetDateTime.now(ZoneOffset.UTC));
        fence.put("ce_type", "id.kotacerdas.elsewhere.Fence.v1");
        events.send(TOPIC, key, fence, "{}");
        try (KafkaEvents dlq = KafkaEvents.on(DLQ)) {
            dlq.awaitRecord(r -> key.equals(r.key()) && "fence".equals(header(r, "test-case")), WAIT);
            assertThat(dlq.seen()).noneMatch(r -> key.equals(r.key()) && "skipped".equals(header(r, "test-case")));
        }
    }

    @Test
    void transientFailureBeyondTheRetriesGoesToTheDeadLetterTopicAndTheNextEventIsProcessed() {
        String key = newKey();
        String id = TestEvents.newId();
        Map<String, String> h = TestEvents.headers(id, TestEvents.PROBE_TYPE, key, OffsetDateTime.now(ZoneOffset.UTC));
        events.send(TOPIC, key, h, "{\"key\":\"" + key + "\",\"value\":\"never\",\"failTimes\":99}");
        String next = events.probe(TOPIC, key, "next");

        awaitFact(key, "next");
        try (KafkaEvents dlq = KafkaEvents.on(DLQ)) {
            ConsumerRecord<String, String> dead = dlq.awaitRecord(r -> id.equals(header(r, "ce_id")), WAIT);
            assertThat(header(dead, "dead-letter-reason")).startsWith("Gave up after 4 attempt(s): Simulated outage, attempt 4");
            assertThat(header(dead, "dead-letter-cause-class-name")).isEqualTo(IllegalStateException.class.getName());
            assertThat(header(dead, Inbox.POISON_HEADER)).isEqualTo("false");
            assertThat(header(dead, Inbox.ATTEMPTS_HEADER)).isEqualTo("4");
            assertThat(header(dead, "ce_type")).as("the original headers travel along").isEqualTo(TestEvents.PROBE_TYPE);
        }
        assertThat(probe.attempts(id)).as("one attempt and three retries").isEqualTo(4);
        assertThat(Db.applications(id)).isZero();
        assertThat(Db.processed(CONSUMER, id)).isNull();
    }

    @Test
    void anOlderFactArrivingLateDoesNotOverwriteTheNewerOne() {
        String key = newKey();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String newer = TestEvents.newId();
        String older = TestEvents.newId();
        events.probe(TOPIC, newer, key, "newer", now);
        events.probe(TOPIC, older, key, "older", now.minusHours(1));

        await().atMost(WAIT).until(() -> Db.processed(CONSUMER, older) != null);
        assertThat(Db.fact(CONSUMER, key)).isEqualTo("newer");
        assertThat(Db.applications(older)).as("processed, not dropped").isEqualTo(1);
    }

    @Test
    void eachChannelHasItsOwnConsumerGroupAndStartsAtTheBeginning() {
        Map<String, ?> config = kafka.getConsumer(CONSUMER).configuration();
        assertThat(config.get("group.id")).isEqualTo("inbox-test.probe");
        assertThat(kafka.getConsumer("probe-rebuild").configuration().get("group.id")).isEqualTo("inbox-test.probe-rebuild");
        assertThat(config.get("auto.offset.reset")).isEqualTo("earliest");
        assertThat(config.get("enable.auto.commit")).isEqualTo("false");
        // a crashed consumer's partitions move within ~10 s, not Kafka's default 45 s (issue 27)
        assertThat(config.get("session.timeout.ms")).isEqualTo("10000");
        assertThat(config.get("heartbeat.interval.ms")).isEqualTo("2000");
        assertThat(config).doesNotContainKey("group.instance.id");
    }

    private double skipped(String type) {
        var counter = registry.find("kotacerdas.inbox.skipped").tags("channel", CONSUMER, "type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    private double counter(String outcome) {
        return registry.counter("kotacerdas.inbox.events", "consumer", CONSUMER, "outcome", outcome).count();
    }

    /** Headers of a probe event marked with its test case (the dead-letter topic keeps the original headers). */
    private static Map<String, String> poison(String testCase, String key, OffsetDateTime time) {
        Map<String, String> h = TestEvents.headers("poison-" + key + "-" + testCase, TestEvents.PROBE_TYPE, key, time);
        h.put("test-case", testCase);
        return h;
    }
}
