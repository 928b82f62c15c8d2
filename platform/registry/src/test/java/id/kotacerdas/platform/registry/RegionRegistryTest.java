package id.kotacerdas.platform.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.KafkaEvents;
import id.kotacerdas.testing.RegistrySeed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The replica as a service uses it: seeded the way the registry arrives from region-service. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry"))
class RegionRegistryTest {

    static final String DATABASE = "registry";
    static final Duration ARRIVES = Duration.ofSeconds(60);

    @Inject
    RegionRegistry registry;

    @Inject
    MeterRegistry meters;

    @Test
    void lookupsAnswerLevelProvinceAndCurrentCodeFromTheSeededRegistry() {
        ensureComplete();
        given().get("/probe/regions/18.72").then().statusCode(200)
                .body("code", equalTo("18.72"))
                .body("name", equalTo("Kota Metro"))
                .body("level", equalTo("KOTA"))
                .body("provinceCode", equalTo("18"))
                .body("provinceName", equalTo("Lampung"))
                .body("administrative", equalTo(false));
        given().get("/probe/regions/18").then().statusCode(200).body("level", equalTo("PROVINCE"));
        // a replaced Papua code answers with its successor
        given().get("/probe/regions/91.01").then().statusCode(200)
                .body("code", equalTo("93.01"))
                .body("name", equalTo("Kabupaten Merauke"))
                .body("provinceCode", equalTo("93"))
                .body("replaces", hasItem("91.01"));
        given().get("/probe/regions/91.01/entry").then().statusCode(200)
                .body("code", equalTo("91.01"))
                .body("replacedBy", equalTo("93.01"));
        // complete, so an unknown code is a real 404
        given().get("/probe/regions/99.99").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", endsWith("/not-found"));
        assertThat(registry.current("92.71").await().atMost(ARRIVES)).get()
                .extracting(RegisteredRegion::code).isEqualTo("96.71");
        assertThat(registry.exists("51.02").await().atMost(ARRIVES)).isTrue();
        assertThat(registry.find("31.71").await().atMost(ARRIVES)).get()
                .matches(r -> r.administrative() && r.level() == RegionLevel.KOTA);
        List<RegisteredRegion> current = registry.regions().await().atMost(ARRIVES);
        assertThat(current).hasSize(552).noneMatch(RegisteredRegion::replaced);
        assertThat(current.stream().filter(RegisteredRegion::province)).hasSize(38);
        Map<String, Object> check = RegistryTesting.readiness();
        assertThat(check.get("status")).isEqualTo("UP");
    }

    @Test
    void replayingTheSameRecordsChangesNothing() throws Exception {
        ensureComplete();
        RegistryStatus status = registry.status().await().atMost(ARRIVES);
        List<ProducerRecord<String, String>> records = RegistrySeed.registry().version(status.version()).producerRecords();
        sendAndAwaitProcessed(records);
        Map<String, String> before = RegistryTesting.rows(DATABASE);
        double applied = count("applied");

        sendAndAwaitProcessed(records); // the very same records again: same ce_id, same data
        sendAndAwaitProcessed(RegistrySeed.registry().version(status.version()).producerRecords()); // republished

        assertThat(count("applied")).as("rows changed by the replay").isEqualTo(applied);
        assertThat(RegistryTesting.rows(DATABASE)).isEqualTo(before);
        assertThat(registry.status().await().atMost(ARRIVES)).isEqualTo(status);
    }

    @Test
    void aNewerVersionMakesTheReplicaIncompleteUntilItHasArrivedWhole() {
        ensureComplete();
        long version = registry.status().await().atMost(ARRIVES).version() + 1;
        RegistrySeed.registry().version(version).only("18", "18.72").send();
        Awaitility.await().atMost(ARRIVES).until(() -> registry.status().await().atMost(ARRIVES)
                .equals(new RegistryStatus(version, 578, 2)));

        Map<String, Object> check = RegistryTesting.readiness();
        assertThat(check.get("status")).isEqualTo("DOWN");
        assertThat(check.get("data")).isEqualTo(Map.of("version", (int) version, "size", 578, "held", 2));
        given().get("/q/health/ready").then().statusCode(503);
        // what the replica has is answered, the newest it knows ...
        given().get("/probe/regions/18.72").then().statusCode(200).body("registryVersion", equalTo((int) version));
        given().get("/probe/regions/13.77").then().statusCode(200).body("registryVersion", equalTo((int) version - 1));
        // ... but an absent code cannot be told from one still on its way: 503, not a wrong 404
        given().get("/probe/regions/99.99").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("type", endsWith("/registry-unavailable"))
                .body("status", equalTo(503))
                .body("detail", containsString("2 of 578 records of version " + version));
        given().get("/probe/regions").then().statusCode(503).body("type", endsWith("/registry-unavailable"));

        RegistrySeed.registry().version(version).send();
        Awaitility.await().atMost(ARRIVES).until(() -> "UP".equals(RegistryTesting.readiness().get("status")));
        given().get("/probe/regions/99.99").then().statusCode(404);
        given().get("/probe/regions/13.77").then().statusCode(200).body("registryVersion", equalTo((int) version));
    }

    @Test
    void recordsThatCannotBeProcessedGoToTheDeadLetterTopicAndTheNextOneIsApplied() throws Exception {
        ensureComplete();
        String topic = RegistrySeed.TOPIC;
        ObjectNode metro = RegistrySeed.record("18.72");
        metro.put("registryVersion", registry.status().await().atMost(ARRIVES).version());
        ObjectNode noLevel = metro.deepCopy();
        noLevel.remove("level");
        ObjectNode otherCode = metro.deepCopy();
        otherCode.put("code", "18.71");
        List<ProducerRecord<String, String>> poison = List.of(
                RegistrySeed.cloudEvent(topic, "18.72", "id.kotacerdas.region.RegionRenamed.v1", metro.toString()),
                RegistrySeed.cloudEvent(topic, "18.72", RegistrySeed.EVENT_TYPE, "{\"code\": \"18.72\", "),
                RegistrySeed.cloudEvent(topic, "18.72", RegistrySeed.EVENT_TYPE, noLevel.toString()),
                RegistrySeed.cloudEvent(topic, "18.72", RegistrySeed.EVENT_TYPE, otherCode.toString()),
                new ProducerRecord<>(topic, "18.72", metro.toString())); // no CloudEvent headers at all
        Set<String> poisonIds = poison.stream().map(r -> header(r, "ce_id")).filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<String, String> before = RegistryTesting.rows(DATABASE);
        double rejected = count("rejected"), processed = count("applied") + count("unchanged");
        try (KafkaEvents dlq = KafkaEvents.on(topic + ".dlq")) {
            // the valid record behind them (same key, so same partition: after them) is still processed
            RegistrySeed.send(InfrastructureTestResource.kafkaBootstrapServers(), concat(poison,
                    RegistrySeed.cloudEvent(topic, "18.72", RegistrySeed.EVENT_TYPE, metro.toString())));
            List<ConsumerRecord<String, String>> dead = dlq.awaitRecords(
                    r -> "18.72".equals(r.key()) && (poisonIds.contains(KafkaEvents.header(r, "ce_id"))
                            || KafkaEvents.header(r, "ce_id") == null),
                    poison.size(), ARRIVES);
            assertThat(dead).allMatch(r -> KafkaEvents.header(r, "dead-letter-reason") != null);
            assertThat(dead).anyMatch(r -> KafkaEvents.header(r, "dead-letter-reason").contains("RegionRenamed"));
        }
        Awaitility.await().atMost(ARRIVES).until(() -> count("applied") + count("unchanged") >= processed + 1);
        assertThat(count("rejected")).isGreaterThanOrEqualTo(rejected + poison.size());
        assertThat(RegistryTesting.rows(DATABASE)).as("nothing written by the rejected records").isEqualTo(before);
    }

    @Test
    void aTombstoneRemovesItsCode() {
        ensureComplete();
        ObjectNode trial = RegistrySeed.record("18.72");
        trial.put("code", "18.98").put("name", "Kota Percobaan");
        trial.put("registryVersion", registry.status().await().atMost(ARRIVES).version());
        String servers = InfrastructureTestResource.kafkaBootstrapServers();
        RegistrySeed.send(servers, List.of(RegistrySeed.cloudEvent(RegistrySeed.TOPIC, "18.98",
                RegistrySeed.EVENT_TYPE, trial.toString())));
        Awaitility.await().atMost(ARRIVES).until(() -> given().get("/probe/regions/18.98").statusCode() == 200);
        RegistrySeed.send(servers, List.of(new ProducerRecord<>(RegistrySeed.TOPIC, "18.98", null)));
        Awaitility.await().atMost(ARRIVES).until(() -> given().get("/probe/regions/18.98").statusCode() == 404);
    }

    // ------------------------------------------------------------------ helpers

    /** Seeds the whole registry (as the newest version the replica has seen) unless the replica is complete. */
    private void ensureComplete() {
        RegistryStatus status = registry.status().await().atMost(ARRIVES);
        if (!status.complete()) {
            RegistrySeed.registry().version(Math.max(RegistrySeed.bundledVersion(), status.version())).send();
        }
        Awaitility.await().atMost(ARRIVES).until(() -> registry.status().await().atMost(ARRIVES).complete());
    }

    private void sendAndAwaitProcessed(List<ProducerRecord<String, String>> records) {
        double processed = count("applied") + count("unchanged");
        RegistrySeed.send(InfrastructureTestResource.kafkaBootstrapServers(), records);
        Awaitility.await().atMost(ARRIVES).until(() -> count("applied") + count("unchanged") >= processed + records.size());
    }

    private double count(String outcome) {
        Counter counter = meters.find("kotacerdas.registry.records").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static List<ProducerRecord<String, String>> concat(List<ProducerRecord<String, String>> first,
            ProducerRecord<String, String> last) {
        List<ProducerRecord<String, String>> all = new ArrayList<>(first);
        all.add(last);
        return all;
    }
}
