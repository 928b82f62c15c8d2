package id.kotacerdas.platform.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.RegistrySeed;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A service whose database is new while its consumer group has committed every record of the registry topic (the
 * database was replaced or restored): the replica still fills up, because it reads the topic from its beginning.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "registry_rebuild"))
@WithTestResource(RegistryRebuildTest.EverythingCommitted.class)
class RegistryRebuildTest {

    static final String GROUP = "registry-probe.region-registry";

    /** Before the service starts: the registry is on the topic and the group's offsets are at its end. */
    public static class EverythingCommitted implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            String servers = InfrastructureTestResource.kafkaBootstrapServers();
            RegistrySeed.registry().send();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
                List<TopicPartition> partitions = admin.describeTopics(List.of(RegistrySeed.TOPIC)).allTopicNames()
                        .get(30, TimeUnit.SECONDS).get(RegistrySeed.TOPIC).partitions().stream()
                        .map(p -> new TopicPartition(RegistrySeed.TOPIC, p.partition())).toList();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                        .get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
                ends.forEach((p, end) -> commit.put(p, new OffsetAndMetadata(end.offset())));
                // the group of an earlier test class's service may still be leaving
                Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                    admin.alterConsumerGroupOffsets(GROUP, commit).all().get(10, TimeUnit.SECONDS);
                    return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata()
                            .get(10, TimeUnit.SECONDS).entrySet().containsAll(commit.entrySet());
                });
            } catch (Exception e) {
                throw new IllegalStateException("Cannot commit the registry group's offsets", e);
            }
            return Map.of();
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void anEmptyReplicaFillsUpAlthoughItsGroupHadCommittedEveryRecord() {
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> "UP".equals(RegistryTesting.readiness().get("status")));
        given().get("/probe/regions/18.72").then().statusCode(200).body("name", equalTo("Kota Metro"));
    }
}
