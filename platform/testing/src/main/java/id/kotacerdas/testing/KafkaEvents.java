package id.kotacerdas.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic from its earliest offset with a plain {@link KafkaConsumer} in a consumer group of its own, so a
 * test sees every record ever written to the topic, whatever other tests or consumers did. Create one per test
 * (try-with-resources) and pick the record you expect with a predicate:
 *
 * <pre>{@code
 * try (KafkaEvents events = KafkaEvents.on("kotacerdas.region.v1")) {
 *     given().auth().oauth2(token).body(...).post("/api/v1/regions").then().statusCode(201);
 *     ConsumerRecord<String, String> r = events.awaitRecord(
 *             rec -> "19.71".equals(rec.key()) && "id.kotacerdas.region.RegionCreated.v1".equals(KafkaEvents.header(rec, "ce_type")),
 *             Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * Not thread-safe (like the consumer it wraps): use it from the test thread.
 */
public final class KafkaEvents implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final int SHOWN_IN_FAILURE = 25;

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private KafkaEvents(String bootstrapServers, String topic) {
        this.topic = topic;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "kafka-events-" + UUID.randomUUID());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "kafka-events-" + topic);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // a consumer that lost the broker (a test stopped it) comes back quickly
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        this.consumer = new KafkaConsumer<>(p);
        this.consumer.subscribe(List.of(topic));
    }

    /** Reads {@code topic} from the broker of {@link InfrastructureTestResource}. */
    public static KafkaEvents on(String topic) {
        return new KafkaEvents(InfrastructureTestResource.kafkaBootstrapServers(), topic);
    }

    /** Reads {@code topic} from any broker. */
    public static KafkaEvents on(String bootstrapServers, String topic) {
        return new KafkaEvents(bootstrapServers, topic);
    }

    /**
     * The first record (in the order seen, earliest first) that matches, waiting up to {@code timeout} for it.
     *
     * @throws AssertionError if none matches in time; the message lists the records seen
     */
    public ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < seen.size(); checked++) {
                if (matching.test(seen.get(checked))) {
                    return seen.get(checked);
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("No record matching the predicate arrived on topic '" + topic + "' within "
                        + timeout + ". " + describeSeen());
            }
            poll();
        }
    }

    /**
     * The first {@code count} records (in the order seen) that match, waiting up to {@code timeout} for the last of
     * them, e.g. every record of one publication.
     *
     * @throws AssertionError if fewer match in time; the message says how many did
     */
    public List<ConsumerRecord<String, String>> awaitRecords(Predicate<ConsumerRecord<String, String>> matching, int count,
            Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try {
            awaitRecord(r -> matching.test(r) && found.add(r) && found.size() >= count, timeout);
        } catch (AssertionError e) {
            throw new AssertionError("Only " + found.size() + " of " + count + " matching records arrived on topic '"
                    + topic + "' within " + timeout + ".", e);
        }
        return List.copyOf(found);
    }

    /** The first record with this key. */
    public ConsumerRecord<String, String> awaitRecordWithKey(String key, Duration timeout) {
        return awaitRecord(r -> key.equals(r.key()), timeout);
    }

    /**
     * Reads for {@code duration} and fails if a matching record shows up (e.g. no event may be published while a
     * transaction is rolled back, or while Kafka is down).
     */
    public void assertNoRecord(Predicate<ConsumerRecord<String, String>> matching, Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < seen.size(); checked++) {
                if (matching.test(seen.get(checked))) {
                    throw new AssertionError("Unexpected record on topic '" + topic + "': " + describe(seen.get(checked)));
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                return;
            }
            poll();
        }
    }

    /** Every record read so far, in the order read. */
    public List<ConsumerRecord<String, String>> seen() {
        return List.copyOf(seen);
    }

    public String topic() {
        return topic;
    }

    /** The value of the last header with this name as UTF-8, or {@code null}. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }

    private void poll() {
        consumer.poll(POLL).forEach(seen::add);
    }

    private String describeSeen() {
        if (seen.isEmpty()) {
            return "It saw no record at all (is the topic right, did the producer reach the broker?).";
        }
        int from = Math.max(0, seen.size() - SHOWN_IN_FAILURE);
        return "It saw " + seen.size() + " record(s)" + (from > 0 ? ", the last " + SHOWN_IN_FAILURE : "") + ":\n  "
                + seen.subList(from, seen.size()).stream().map(KafkaEvents::describe).collect(Collectors.joining("\n  "));
    }

    private static String describe(ConsumerRecord<String, String> r) {
        StringBuilder headers = new StringBuilder();
        for (Header h : r.headers()) {
            if (!headers.isEmpty()) {
                headers.append(", ");
            }
            headers.append(h.key()).append('=')
                    .append(h.value() == null ? "null" : new String(h.value(), StandardCharsets.UTF_8));
        }
        return r.topic() + "-" + r.partition() + "@" + r.offset() + " key=" + r.key() + " headers={" + headers + "} value="
                + abbreviate(r.value());
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500) + "…(" + s.length() + " chars)";
    }
}
