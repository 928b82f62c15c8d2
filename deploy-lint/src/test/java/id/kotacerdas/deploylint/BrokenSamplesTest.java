package id.kotacerdas.deploylint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The broken samples of src/test/resources/broken fail, each for its own reason: the checks can fail. */
class BrokenSamplesTest {

    private static final Path BROKEN = Path.of("src/test/resources/broken").toAbsolutePath();

    private static List<String> problemsOfChartWith(String valuesFile) {
        List<JsonNode> docs = Manifests.parse(new Chart(Repo.CHART)
                .render(Repo.RELEASE, List.of(BROKEN.resolve("values").resolve(valuesFile))));
        return DeployChecks.all(Repo.schemas(), docs, EventMap.requiredTopics(Repo.ROOT));
    }

    @Test
    void brokenChartFailsSchemaAndCrossChecks() {
        List<JsonNode> docs = Manifests.parse(new Chart(BROKEN.resolve("chart")).render("kotacerdas", List.of()));

        List<String> problems = DeployChecks.all(Repo.schemas(), docs, Set.of("kotacerdas.region.v1"));

        assertThat(problems).anyMatch(p -> p.startsWith("Deployment/kotacerdas-region-service: /spec")
                && p.contains("replica"));
        assertThat(problems).contains(
                "ServiceMonitor/kotacerdas-region-service: no schema for monitoring.coreos.com/v1 ServiceMonitor"
                        + " (deploy/k8s/schemas/catalog.yaml); a kind without a schema is not allowed",
                "Secret/kotacerdas-region-db: no schema for v1 Secret (deploy/k8s/schemas/catalog.yaml); a kind"
                        + " without a schema is not allowed",
                "Secret/kotacerdas-region-db: the chart renders a Secret; credentials must come from existing Secrets",
                "Deployment/kotacerdas-region-service container region-service: no startupProbe",
                "Deployment/kotacerdas-region-service container region-service: no livenessProbe",
                "Deployment/kotacerdas-region-service container region-service: no readinessProbe",
                "Deployment/kotacerdas-region-service container region-service: no resources.requests.cpu",
                "Deployment/kotacerdas-region-service container region-service: no resources.limits.memory",
                "Deployment/kotacerdas-region-service container region-service: not runAsNonRoot",
                "Deployment/kotacerdas-region-service container region-service: root filesystem not read-only",
                "Deployment/kotacerdas-region-service: no PodDisruptionBudget selects its pods",
                "Deployment/kotacerdas-region-service: no HorizontalPodAutoscaler scales it",
                "Deployment/kotacerdas-region-service: no NetworkPolicy selects its pods",
                "Deployment/kotacerdas-region-service: credential QUARKUS_DATASOURCE_PASSWORD as a literal value",
                "topic kotacerdas.region.v1: no KafkaTopic");
    }

    @Test
    void unsafeKafkaFails() {
        List<JsonNode> docs = Manifests.parse(Repo.read(BROKEN.resolve("manifests/unsafe-kafka.yaml")));

        List<String> problems = DeployChecks.all(Repo.schemas(), docs, Set.of());

        assertThat(problems).contains("Kafka/kotacerdas-kafka: min.insync.replicas below 2",
                "Kafka/kotacerdas-kafka: auto.create.topics.enable is not false",
                "Kafka/kotacerdas-kafka: 1 brokers in its KafkaNodePools, fewer than 3");
        assertThat(problems).anyMatch(p -> p.startsWith("KafkaTopic/kotacerdas-region-v1: /spec")
                && p.contains("partition"));
    }

    @Test
    void fewerPartitionsThanConsumerReplicasFail() {
        assertThat(problemsOfChartWith("too-few-partitions.yaml")).contains(
                "topic kotacerdas.region.v1: 2 partitions, fewer than the 4 replicas a consumer group may run");
    }

    @Test
    void aMissingDeadLetterTopicFails() {
        assertThat(problemsOfChartWith("missing-dead-letter-topic.yaml"))
                .containsExactly("topic kotacerdas.region.v1.dlq: no KafkaTopic");
    }

    @Test
    void aServiceThatReachesAnotherServiceFails() {
        assertThat(problemsOfChartWith("service-reaches-another-service.yaml")).singleElement().asString()
                .startsWith("Deployment/kotacerdas-region-service: egress allowed to ")
                .contains("assessment-service");
    }

    @Test
    void aSingleDatabaseInstanceFails() {
        assertThat(problemsOfChartWith("single-database-instance.yaml"))
                .contains("Cluster/kotacerdas-region-db: fewer than 3 instances")
                .hasSize(5);
    }

    @Test
    void aServiceWithoutItsDatabaseSecretDoesNotRender() {
        assertThatThrownBy(() -> problemsOfChartWith("no-database-secret.yaml"))
                .hasMessageContaining("apps.agreement-service.databaseSecret: the name of an existing basic-auth Secret");
    }
}
