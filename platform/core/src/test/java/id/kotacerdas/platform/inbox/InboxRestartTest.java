package id.kotacerdas.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kotacerdas.platform.inbox.app.RestartProbeConsumer;
import id.kotacerdas.testing.InfrastructureTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * A consumer that stops after its effects committed but before the connector committed the offsets
 * (it commits them every 10 minutes on this channel, so none is committed during the test), and starts
 * again from its group's committed offsets, as a restarted instance does.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = Db.DATABASE))
@WithTestResource(OidcWiremockTestResource.class)
class InboxRestartTest {

    static final String TOPIC = "kotacerdas.inbox-restart.test.v1";
    static final String CONSUMER = RestartProbeConsumer.CHANNEL;
    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    KafkaClientService kafka;

    @Inject
    MeterRegistry registry;

    @Test
    void consumerRestartedBeforeItsOffsetsWereCommittedAppliesNothingTwiceAndLosesNothing() {
        String key = "k-" + UUID.randomUUID();
        List<String> before = new ArrayList<>();
        List<String> whileStopped = new ArrayList<>();
        KafkaConsumer<Object, Object> consumer = kafka.getConsumer(CONSUMER);
        try (TestEvents events = new TestEvents()) {
            for (int i = 0; i < 5; i++) {
                before.add(events.probe(TOPIC, key, "before-" + i));
            }
            await().atMost(WAIT).until(() -> before.stream().allMatch(id -> Db.processed(CONSUMER, id) != null));
            Map<String, Object> first = Db.processed(CONSUMER, before.get(0));
            TopicPartition partition = new TopicPartition(TOPIC, (Integer) first.get("kafka_partition"));
            OffsetAndMetadata committed = consumer.committed(partition).await().atMost(WAIT).get(partition);
            assertThat(committed == null || committed.offset() <= (Long) first.get("kafka_offset"))
                    .as("precondition: the effects of these events are committed, their offsets are not").isTrue();

            // the consumer stops: nothing more is fetched
            consumer.pause().await().atMost(WAIT);
            for (int i = 0; i < 5; i++) {
                whileStopped.add(events.probe(TOPIC, key, "while-stopped-" + i));
            }
        }
        double duplicates = count("duplicate");
        double finished = count("duplicate") + count("applied");

        // ...and starts again at the committed offsets: everything since is delivered again
        consumer.resetToLastCommittedPositions().await().atMost(WAIT);
        consumer.resume().await().atMost(WAIT);

        int delivered = before.size() + whileStopped.size();
        await().atMost(WAIT).until(() -> count("duplicate") + count("applied") - finished >= delivered);
        for (String id : before) {
            assertThat(Db.applications(id)).as("redelivered, skipped: " + id).isEqualTo(1);
        }
        for (String id : whileStopped) {
            assertThat(Db.applications(id)).as("published while stopped, applied once: " + id).isEqualTo(1);
            assertThat(Db.processed(CONSUMER, id)).isNotNull();
        }
        assertThat(Db.fact(CONSUMER, key)).isEqualTo("while-stopped-4");
        assertThat(count("duplicate") - duplicates).as("exactly the events whose offsets were not committed came again")
                .isEqualTo(before.size());
    }

    private double count(String outcome) {
        return registry.counter("kotacerdas.inbox.events", "consumer", CONSUMER, "outcome", outcome).count();
    }
}
