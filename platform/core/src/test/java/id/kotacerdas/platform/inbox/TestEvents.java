package id.kotacerdas.platform.inbox;

import id.kotacerdas.testing.InfrastructureTestResource;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes CloudEvents in Kafka binary mode ({@code ce_*} headers, JSON value) with a plain
 * {@link KafkaProducer}, as the outbox relay of a producing service does, and records that are not
 * quite CloudEvents. Each send waits for the broker's acknowledgement.
 */
final class TestEvents implements AutoCloseable {

    static final String SOURCE = "/kotacerdas/test-producer";
    static final String PROBE_TYPE = "id.kotacerdas.test.ProbeChanged.v1";

    private final KafkaProducer<String, String> producer;

    TestEvents() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InfrastructureTestResource.kafkaBootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(p);
    }

    /** The headers of a well-formed binary-mode CloudEvent; change them to make a bad one. */
    static Map<String, String> headers(String id, String type, String subject, OffsetDateTime time) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("ce_specversion", "1.0");
        h.put("ce_id", id);
        h.put("ce_source", SOURCE);
        h.put("ce_type", type);
        h.put("ce_subject", subject);
        h.put("ce_time", time.atZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        h.put("content-type", "application/json");
        h.put("ce_requestid", "req-" + id);
        return h;
    }

    static String probeJson(String key, String value) {
        return "{\"key\":\"" + key + "\",\"value\":\"" + value + "\"}";
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A probe event with a new id, happening now. Returns its id. */
    String probe(String topic, String key, String value) {
        String id = newId();
        probe(topic, id, key, value, OffsetDateTime.now(ZoneOffset.UTC));
        return id;
    }

    /** A probe event with this id and time. */
    void probe(String topic, String id, String key, String value, OffsetDateTime time) {
        send(topic, key, headers(id, PROBE_TYPE, key, time), probeJson(key, value));
    }

    /** Any record: headers with a {@code null} value are sent as headers without value. */
    void send(String topic, String key, Map<String, String> headers, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v == null ? null : v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send a test record to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
