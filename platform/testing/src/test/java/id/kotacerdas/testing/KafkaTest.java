package id.kotacerdas.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaTest {

    private static KafkaProducer<String, String> producer(int deliveryTimeoutMs) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InfrastructureTestResource.kafkaBootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeoutMs);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(deliveryTimeoutMs, 3000));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(p);
    }

    @Test
    void recordProducedToAnAutoCreatedTopicIsReadBack() throws Exception {
        String topic = "kotacerdas.probe." + UUID.randomUUID() + ".v1";
        try (KafkaEvents events = KafkaEvents.on(topic); KafkaProducer<String, String> producer = producer(30_000)) {
            for (int i = 0; i < 3; i++) {
                ProducerRecord<String, String> r = new ProducerRecord<>(topic, "18.7" + i, "{\"n\":" + i + "}");
                r.headers().add("ce_type", ("id.kotacerdas.probe.Probed.v" + i).getBytes(StandardCharsets.UTF_8));
                producer.send(r).get(30, TimeUnit.SECONDS);
            }
            var record = events.awaitRecord(r -> "id.kotacerdas.probe.Probed.v1".equals(KafkaEvents.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            assertEquals("18.71", record.key());
            assertEquals("{\"n\":1}", record.value());
            assertEquals(record, events.awaitRecordWithKey("18.71", Duration.ofSeconds(1)));
        }
        try (Admin admin = Admin.create(java.util.Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                InfrastructureTestResource.kafkaBootstrapServers()))) {
            assertEquals(3, admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic).partitions().size(),
                    "auto-created topics have 3 partitions");
        }
    }

    @Test
    void aSecondReaderOfTheSameTopicSeesEverythingFromTheStart() throws Exception {
        String topic = "kotacerdas.probe." + UUID.randomUUID() + ".v1";
        try (KafkaProducer<String, String> producer = producer(30_000)) {
            producer.send(new ProducerRecord<>(topic, "a", "first")).get(30, TimeUnit.SECONDS);
        }
        try (KafkaEvents first = KafkaEvents.on(topic)) {
            first.awaitRecordWithKey("a", Duration.ofSeconds(30));
        }
        try (KafkaEvents second = KafkaEvents.on(topic)) {
            assertEquals("first", second.awaitRecordWithKey("a", Duration.ofSeconds(30)).value());
        }
    }

    @Test
    void failureMessageListsTheRecordsSeen() throws Exception {
        String topic = "kotacerdas.probe." + UUID.randomUUID() + ".v1";
        try (KafkaEvents events = KafkaEvents.on(topic); KafkaProducer<String, String> producer = producer(30_000)) {
            ProducerRecord<String, String> r = new ProducerRecord<>(topic, "19.71", "{\"name\":\"Kota Metro\"}");
            r.headers().add("ce_type", "id.kotacerdas.region.RegionCreated.v1".getBytes(StandardCharsets.UTF_8));
            producer.send(r).get(30, TimeUnit.SECONDS);
            events.awaitRecordWithKey("19.71", Duration.ofSeconds(30));

            AssertionError e = assertThrows(AssertionError.class,
                    () -> events.awaitRecordWithKey("51.03", Duration.ofMillis(300)));
            assertTrue(e.getMessage().contains(topic), e.getMessage());
            assertTrue(e.getMessage().contains("It saw 1 record(s)"), e.getMessage());
            assertTrue(e.getMessage().contains("key=19.71"), e.getMessage());
            assertTrue(e.getMessage().contains("ce_type=id.kotacerdas.region.RegionCreated.v1"), e.getMessage());
            assertTrue(e.getMessage().contains("Kota Metro"), e.getMessage());

            events.assertNoRecord(rec -> "51.03".equals(rec.key()), Duration.ofMillis(200));
            assertThrows(AssertionError.class, () -> events.assertNoRecord(rec -> "19.71".equals(rec.key()), Duration.ofMillis(200)));
        }
    }

    @Test
    void brokerStopsAndComesBackAtTheSameAddress() throws Exception {
        String bootstrap = InfrastructureTestResource.kafkaBootstrapServers();
        String topic = "kotacerdas.probe." + UUID.randomUUID() + ".v1";
        try (KafkaProducer<String, String> producer = producer(4_000); KafkaEvents events = KafkaEvents.on(topic)) {
            producer.send(new ProducerRecord<>(topic, "before", "1")).get(30, TimeUnit.SECONDS);

            InfrastructureTestResource.stopKafka();
            try {
                assertFalse(InfrastructureTestResource.kafkaRunning());
                assertEquals(bootstrap, InfrastructureTestResource.kafkaBootstrapServers(), "address known while down");
                Future<RecordMetadata> whileDown = producer.send(new ProducerRecord<>(topic, "while-down", "2"));
                ExecutionException failure = assertThrows(ExecutionException.class, () -> whileDown.get(30, TimeUnit.SECONDS),
                        "a send while the broker is down must not be acknowledged");
                assertTrue(failure.getCause() instanceof org.apache.kafka.common.errors.TimeoutException, failure.toString());
            } finally {
                InfrastructureTestResource.startKafka();
            }
            assertTrue(InfrastructureTestResource.kafkaRunning());
            assertEquals(bootstrap, InfrastructureTestResource.kafkaBootstrapServers());

            // the same producer (same bootstrap address) and a new one both get through again
            producer.send(new ProducerRecord<>(topic, "after", "3")).get(30, TimeUnit.SECONDS);
            try (KafkaProducer<String, String> fresh = producer(30_000)) {
                fresh.send(new ProducerRecord<>(topic, "after-fresh", "4")).get(30, TimeUnit.SECONDS);
            }
            assertEquals("1", events.awaitRecordWithKey("before", Duration.ofSeconds(30)).value());
            assertEquals("3", events.awaitRecordWithKey("after", Duration.ofSeconds(30)).value());
            assertEquals("4", events.awaitRecordWithKey("after-fresh", Duration.ofSeconds(30)).value());
            events.assertNoRecord(r -> "while-down".equals(r.key()), Duration.ofMillis(300));
        }
    }

    @Test
    void stopAndStartAreIdempotent() {
        InfrastructureTestResource.startKafka(); // running: nothing to do
        assertTrue(InfrastructureTestResource.kafkaRunning());
    }
}
