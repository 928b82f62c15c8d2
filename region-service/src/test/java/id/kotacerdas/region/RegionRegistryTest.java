package id.kotacerdas.region;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.platform.kafka.KafkaTopics;
import id.kotacerdas.region.domain.RegistryPublication.Decision;
import id.kotacerdas.region.service.ReferenceDataVersion;
import id.kotacerdas.region.service.RegionRegistryPublisher;
import id.kotacerdas.region.service.RegistryPublicationAtStart;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.KafkaEvents;
import id.kotacerdas.testing.RegistrySeed;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The region registry on its compacted topic: every code once per version, published once per version. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
@WithTestResource(OidcWiremockTestResource.class)
class RegionRegistryTest {

    static final String TOPIC = "kotacerdas.region-registry.v1";
    static final String TYPE = "id.kotacerdas.region.RegionRegistered.v1";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration PUBLISHED = Duration.ofSeconds(90);

    @Inject
    RegistryPublicationAtStart startUp;

    @Inject
    RegionRegistryPublisher publisher;

    @Inject
    ReferenceDataVersion referenceData;

    @Inject
    KafkaTopics topics;

    @Test
    void everyRegionAndReplacedCodeIsOnTheTopicOnceAsACloudEventKeyedByCode() throws Exception {
        long version = referenceData.current();
        assertThat(version).as("V2__reference_regions.sql").isEqualTo(2);
        Set<String> codes = codesInDatabase();
        assertThat(codes).hasSize(552 + 26);
        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            // delivery is at least once (a send Kafka took but did not acknowledge in time is sent again, and consumers
            // are idempotent on ce_id): read until every code has arrived, then check the first record of each
            Map<String, ConsumerRecord<String, String>> firstByCode = new java.util.LinkedHashMap<>();
            events.awaitRecord(r -> {
                if (version(r) == version) {
                    firstByCode.putIfAbsent(r.key(), r);
                }
                return firstByCode.size() >= codes.size();
            }, PUBLISHED);
            List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>(firstByCode.values());
            assertThat(keys(records))
                    .as("one record per code").containsExactlyElementsOf(new TreeSet<>(codes));
            Set<String> ids = new HashSet<>();
            for (ConsumerRecord<String, String> r : records) {
                JsonNode data = JSON.readTree(r.value());
                assertThat(data.get("code").asText()).isEqualTo(r.key());
                assertThat(KafkaEvents.header(r, "ce_subject")).isEqualTo(r.key());
                assertThat(KafkaEvents.header(r, "ce_type")).isEqualTo(TYPE);
                assertThat(KafkaEvents.header(r, "ce_source")).isEqualTo("/kotacerdas/region-service");
                assertThat(KafkaEvents.header(r, "ce_specversion")).isEqualTo("1.0");
                assertThat(KafkaEvents.header(r, "ce_dataschema")).as("absolute, the schema's $id")
                        .isEqualTo("https://kotacerdas.id/events/region/schemas/RegionRegistered.v1.json");
                assertThat(KafkaEvents.header(r, "content-type")).isEqualTo("application/json");
                assertThat(KafkaEvents.header(r, "ce_time")).isNotBlank();
                ids.add(UUID.fromString(KafkaEvents.header(r, "ce_id")).toString());
                assertThat(data.get("registrySize").asInt()).isEqualTo(codes.size());
                // the bundled copy that other services' tests seed with is exactly what region-service publishes
                assertThat(data).as("bundled record of " + r.key()).isEqualTo(RegistrySeed.record(r.key()));
            }
            assertThat(ids).as("distinct event ids").hasSize(records.size());
            Map<String, JsonNode> byCode = new HashMap<>();
            for (ConsumerRecord<String, String> r : records) {
                byCode.put(r.key(), JSON.readTree(r.value()));
            }
            JsonNode metro = byCode.get("18.72");
            assertThat(metro.get("name").asText()).isEqualTo("Kota Metro");
            assertThat(metro.get("level").asText()).isEqualTo("KOTA");
            assertThat(metro.get("provinceCode").asText()).isEqualTo("18");
            assertThat(metro.get("provinceName").asText()).isEqualTo("Lampung");
            assertThat(metro.get("replacedBy").isNull()).isTrue();
            assertThat(byCode.get("18").get("level").asText()).isEqualTo("PROVINCE");
            assertThat(byCode.get("18").get("parentCode").isNull()).isTrue();
            assertThat(byCode.get("91.01").get("replacedBy").asText()).isEqualTo("93.01");
            assertThat(byCode.get("91.01").get("provinceCode").asText()).isEqualTo("91");
            assertThat(byCode.get("93.01").get("replaces").toString()).isEqualTo("[\"91.01\"]");
            assertThat(byCode.get("31.71").get("administrative").asBoolean()).isTrue();
            assertThat(byCode.values().stream().filter(d -> !d.get("replacedBy").isNull())).hasSize(26);

            // the test seed sends the same headers, in the same order, as the relay
            assertThat(headerNames(RegistrySeed.registry().only("18.72").producerRecords().get(0).headers()))
                    .containsExactlyElementsOf(headerNames(records.get(0).headers()));
        }
    }

    @Test
    void payloadsHaveExactlyTheFieldsOfTheirPublishedSchema() throws Throwable {
        JsonNode schema = JSON.readTree(given().get("/events/schemas/RegionRegistered.v1.json").then().statusCode(200)
                .extract().asString());
        Set<String> required = new TreeSet<>();
        schema.get("required").forEach(n -> required.add(n.asText()));
        Set<String> properties = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(required).isEqualTo(properties);
        var records = VertxContextSupport.subscribeAndAwait(() -> publisher.currentRecords());
        JsonNode first = JSON.valueToTree(records.get(0).withVersion(2, records.size()));
        Set<String> fields = new TreeSet<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).isEqualTo(properties);
    }

    @Test
    void registryTopicIsCompacted() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(
                () -> assertThat(topicConfig(TOPIC).get("cleanup.policy")).isEqualTo("compact"));
    }

    @Test
    void aTopicAutoCreatedWithoutCompactionIsCompactedWhenDeclared() throws Exception {
        String topic = "kotacerdas.scratch-" + UUID.randomUUID() + ".v1";
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        assertThat(topicConfig(topic).get("cleanup.policy")).isEqualTo("delete");
        Map<String, String> after = topics.ensure(topic, Optional.empty(), Optional.empty(),
                Map.of("cleanup.policy", "compact"));
        assertThat(after.get("cleanup.policy")).isEqualTo("compact");
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(topicConfig(topic).get("cleanup.policy")).isEqualTo("compact"));
    }

    @Test
    void aSecondStartUpPublishesNothing() throws Throwable {
        long events = registryEvents(), publications = count("SELECT count(*) FROM region_registry_publication");
        RegionRegistryPublisher.Result result = startUp.run();
        assertThat(result.decision()).isIn(Decision.ALREADY_PUBLISHED, Decision.OLDER_THAN_PUBLISHED);
        assertThat(registryEvents()).isEqualTo(events);
        assertThat(count("SELECT count(*) FROM region_registry_publication")).isEqualTo(publications);
        // the start-up of this test run published the reference data exactly once
        assertThat(registryEvents(referenceData.current())).isEqualTo(552 + 26);
    }

    @Test
    void theSameVersionPublishedAgainWritesNothing() throws Throwable {
        long version = nextVersion();
        assertThat(publish(version).decision()).isEqualTo(Decision.PUBLISH);
        assertThat(registryEvents(version)).isEqualTo(578);
        long events = registryEvents();
        assertThat(publish(version).decision()).isEqualTo(Decision.ALREADY_PUBLISHED);
        assertThat(registryEvents()).isEqualTo(events);
        assertThat(count("SELECT count(*) FROM region_registry_publication WHERE registry_version = " + version))
                .isEqualTo(1);
    }

    @Test
    void aNewVersionPublishesEveryRecordAgain() throws Throwable {
        long version = nextVersion();
        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            assertThat(publish(version).decision()).isEqualTo(Decision.PUBLISH);
            List<ConsumerRecord<String, String>> records = events.awaitRecords(r -> version(r) == version, 578, PUBLISHED);
            assertThat(keys(records))
                    .containsExactlyElementsOf(new TreeSet<>(codesInDatabase()));
        }
        // an older version (a database restored to older reference data) is not published over a newer one
        long events = registryEvents();
        assertThat(publish(version - 1).decision()).isEqualTo(Decision.OLDER_THAN_PUBLISHED);
        assertThat(registryEvents()).isEqualTo(events);
    }

    @Test
    void twoReplicasStartingAtOncePublishOnce() throws Exception {
        long version = nextVersion();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Decision>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                    return publish(version).decision();
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        start.countDown();
        List<Decision> decisions = new ArrayList<>();
        for (CompletableFuture<Decision> run : runs) {
            decisions.add(run.get(60, TimeUnit.SECONDS));
        }
        assertThat(decisions).containsExactlyInAnyOrder(Decision.PUBLISH, Decision.ALREADY_PUBLISHED);
        assertThat(registryEvents(version)).isEqualTo(578);
        assertThat(count("SELECT count(*) FROM region_registry_publication WHERE registry_version = " + version))
                .isEqualTo(1);
    }

    // ------------------------------------------------------------------ helpers

    private RegionRegistryPublisher.Result publish(long version) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> publisher.publish(version));
    }

    private static long version(ConsumerRecord<String, String> r) {
        try {
            return r.value() == null ? -1 : JSON.readTree(r.value()).path("registryVersion").asLong(-1);
        } catch (Exception e) {
            return -1;
        }
    }

    private static Set<String> keys(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> headerNames(Iterable<Header> headers) {
        return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
    }

    /** A version above every published one. */
    private static long nextVersion() throws SQLException {
        return count("SELECT coalesce(max(registry_version), 0) + 1 FROM region_registry_publication");
    }

    private static long registryEvents() throws SQLException {
        return count("SELECT count(*) FROM outbox_event WHERE topic = '" + TOPIC + "'");
    }

    private static long registryEvents(long version) throws SQLException {
        return count("SELECT count(*) FROM outbox_event WHERE topic = '" + TOPIC
                + "' AND (payload->>'registryVersion')::bigint = " + version);
    }

    private static Set<String> codesInDatabase() throws SQLException {
        Set<String> codes = new TreeSet<>();
        try (Connection c = connect();
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT code FROM region UNION ALL SELECT old_code FROM region_code_change")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(InfrastructureTestResource.jdbcUrl("region"), "region", "region");
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                InfrastructureTestResource.kafkaBootstrapServers()));
    }

    private static Map<String, String> topicConfig(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = admin()) {
            Map<String, String> config = new HashMap<>();
            admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource).entries()
                    .forEach(e -> config.put(e.name(), e.value()));
            return config;
        }
    }
}
