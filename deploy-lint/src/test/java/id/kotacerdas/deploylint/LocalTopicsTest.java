package id.kotacerdas.deploylint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Partitions of the topics outside the chart (the chart's KafkaTopics are checked by DeployChecks.topics): every topic
 * of deploy/local (and deploy/compose) has at least as many partitions as deploy/local/up may start instances of a
 * service (REPLICAS_MAX in deploy/local/lib.sh).
 */
class LocalTopicsTest {

    private static int localReplicas() {
        return LocalTopics.replicasMax(Repo.read(Repo.ROOT.resolve("deploy/local/lib.sh")));
    }

    private static Map<String, Map<String, Integer>> declaredByApplications() {
        Map<String, Map<String, Integer>> declared = new LinkedHashMap<>();
        for (String app : Repo.applicationModules()) {
            declared.put(app, LocalTopics.declared(
                    Repo.read(Repo.ROOT.resolve(app).resolve("src/main/resources/application.properties"))));
        }
        return declared;
    }

    @Test
    void deployLocalStartsTwoInstancesAtMost() {
        // the check below is only as good as the number it reads
        assertThat(localReplicas()).isEqualTo(2);
    }

    @Test
    void everyTopicOfTheLocalSuiteHasAPartitionPerInstance() {
        int partitions = LocalTopics.brokerPartitions(Repo.read(Repo.ROOT.resolve("deploy/kafka/server.properties")));

        assertThat(LocalTopics.check("deploy/kafka/server.properties", partitions, declaredByApplications(),
                localReplicas())).isEmpty();
    }

    @Test
    void everyTopicOfTheComposeSuiteHasAPartitionPerInstance() {
        Matcher m = Pattern.compile("KAFKA_NUM_PARTITIONS:\\s*\"?(\\d+)").matcher(Repo.read(Repo.COMPOSE));
        assertThat(m.find()).as("compose.yaml sets KAFKA_NUM_PARTITIONS").isTrue();

        assertThat(LocalTopics.check("deploy/compose/compose.yaml", Integer.parseInt(m.group(1)),
                declaredByApplications(), localReplicas())).isEmpty();
    }

    @Test
    void tooFewPartitionsFail() {
        String properties = """
                kotacerdas.kafka.topics."kotacerdas.region-registry.v1".config."cleanup.policy"=compact
                %prod.kotacerdas.kafka.topics."kotacerdas.region-registry.v1".partitions=1
                kotacerdas.kafka.topics."kotacerdas.other.v1".partitions=3
                """;
        int broker = LocalTopics.brokerPartitions("# one\nnum.partitions=1\n");

        List<String> problems = LocalTopics.check("server.properties", broker,
                Map.of("region-service", LocalTopics.declared(properties)), 2);

        assertThat(problems).containsExactly(
                "server.properties: topics auto-created with 1 partitions, fewer than the 2 instances a consumer group may run",
                "region-service: topic kotacerdas.region-registry.v1 created with 1 partitions, fewer than the 2 instances"
                        + " a consumer group may run");
        assertThat(LocalTopics.brokerPartitions("")).isEqualTo(1);
        assertThat(LocalTopics.replicasMax("REPLICAS=\"${REPLICAS:-1}\"\nREPLICAS_MAX=2\n")).isEqualTo(2);
    }
}
