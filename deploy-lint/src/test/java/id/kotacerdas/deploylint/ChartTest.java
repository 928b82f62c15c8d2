package id.kotacerdas.deploylint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;

/** The chart renders with every values file, and what it renders passes every schema and every cross-check. */
class ChartTest {

    static Stream<Path> valuesFiles() {
        return Repo.valuesFiles().stream();
    }

    @Test
    void everyValuesFileIsTested() {
        assertThat(Repo.valuesFiles()).extracting(p -> p.getFileName().toString())
                .contains("values.yaml", "values-dev.yaml", "values-external-keycloak.yaml");
    }

    @Test
    void everyApplicationModuleIsInTheChart() {
        JsonNode values = Manifests.YAML.readTree(Repo.read(Repo.CHART.resolve("values.yaml")));

        assertThat(values.path("apps").propertyNames()).containsExactlyInAnyOrderElementsOf(Repo.applicationModules());
        assertThat(Repo.applicationModules()).contains("region-service", "gateway");
    }

    /** The gateway gets an upstream for every route of its configuration (GATEWAY_ROUTES_<ROUTE>_UPSTREAM). */
    @Test
    void theGatewayHasAnUpstreamForEveryRoute() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^%dev,prod\\.gateway\\.routes\\.([a-z-]+)\\.upstream=")
                .matcher(Repo.read(Repo.ROOT.resolve("gateway/src/main/resources/application.properties")));
        java.util.Set<String> routes = new java.util.TreeSet<>();
        while (m.find()) {
            routes.add(m.group(1));
        }
        JsonNode values = Manifests.YAML.readTree(Repo.read(Repo.CHART.resolve("values.yaml")));

        assertThat(routes).isNotEmpty();
        assertThat(values.path("apps").path("gateway").path("routes").propertyNames())
                .containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void helmLintFindsNothing() {
        assertThat(new Chart(Repo.CHART).lint()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesFiles")
    void renderedDocumentsPassTheirSchemasAndEveryCrossCheck(Path values) {
        List<JsonNode> docs = Repo.render(values);
        Set<String> topics = EventMap.requiredTopics(Repo.ROOT);

        assertThat(DeployChecks.all(Repo.schemas(), docs, topics)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesFiles")
    void everyApplicationIsDeployedWithItsParts(Path values) {
        List<JsonNode> docs = Repo.render(values);

        assertThat(Manifests.ofKind(docs, "Deployment")).extracting(Manifests::id).containsExactlyInAnyOrder(
                "Deployment/kotacerdas-region-service", "Deployment/kotacerdas-assessment-service",
                "Deployment/kotacerdas-agreement-service", "Deployment/kotacerdas-masterplan-service",
                "Deployment/kotacerdas-gateway");
        assertThat(Manifests.ofKind(docs, "PodDisruptionBudget")).hasSize(5);
        assertThat(Manifests.ofKind(docs, "HorizontalPodAutoscaler")).hasSize(5);
        assertThat(Manifests.ofKind(docs, "Ingress")).hasSize(1);
        // every problem `type` (https://kotacerdas.id/problems/<slug>) resolves: that host's /problems goes to the gateway
        JsonNode problems = Manifests.ofKind(docs, "Ingress").get(0).at("/spec/rules/1");
        assertThat(problems.path("host").asText()).isEqualTo("kotacerdas.id");
        assertThat(problems.at("/http/paths/0/path").asText()).isEqualTo("/problems");
        assertThat(problems.at("/http/paths/0/backend/service/name").asText()).isEqualTo("kotacerdas-gateway");
        boolean operator = Manifests.YAML.readTree(Repo.read(values)).path("keycloak").path("operator").asBoolean(true);
        List<String> clusters = new java.util.ArrayList<>(List.of("Cluster/kotacerdas-region-db",
                "Cluster/kotacerdas-assessment-db", "Cluster/kotacerdas-agreement-db", "Cluster/kotacerdas-masterplan-db"));
        if (operator) {
            clusters.add("Cluster/kotacerdas-keycloak-db");
        }
        assertThat(Manifests.ofKind(docs, "Cluster")).extracting(Manifests::id).containsExactlyInAnyOrderElementsOf(clusters);
        assertThat(Manifests.ofKind(docs, "Keycloak")).hasSize(operator ? 1 : 0);
        assertThat(Manifests.ofKind(docs, "KeycloakRealmImport")).hasSize(operator ? 1 : 0);
        assertThat(Manifests.ofKind(docs, "KafkaTopic")).hasSize(EventMap.requiredTopics(Repo.ROOT).size());
    }

    @Test
    void theTopicsToCheckAreTheEventMapsAndTheirDeadLetterTopics() {
        assertThat(EventMap.readmeTopics(Repo.ROOT)).containsExactly("kotacerdas.agreement.v1",
                "kotacerdas.assessment.v1", "kotacerdas.evaluation.v1", "kotacerdas.masterplan.v1",
                "kotacerdas.region-registry.v1", "kotacerdas.region.v1");
        assertThat(EventMap.requiredTopics(Repo.ROOT)).contains("kotacerdas.region-registry.v1.dlq",
                "kotacerdas.assessment.v1.dlq", "kotacerdas.agreement.v1.dlq", "kotacerdas.masterplan.v1.dlq",
                "kotacerdas.evaluation.v1.dlq", "kotacerdas.region.v1.dlq").hasSize(12);
    }

    /** With a ministry's own Keycloak, the applications ask it for keys and reach it only at the given address. */
    @Test
    void anExternalKeycloakIsTheIssuerAndTheOnlyKeycloakReached() {
        List<JsonNode> docs = Repo.render(Repo.CHART.resolve("values-external-keycloak.yaml"));

        for (JsonNode cm : Manifests.ofKind(docs, "ConfigMap")) {
            assertThat(cm.path("data").path("QUARKUS_OIDC_AUTH_SERVER_URL").asString())
                    .isEqualTo("https://sso.example.go.id/realms/kotacerdas");
            assertThat(cm.path("data").path("QUARKUS_OIDC_TOKEN_ISSUER").asString())
                    .isEqualTo("https://sso.example.go.id/realms/kotacerdas");
        }
        for (JsonNode policy : Manifests.ofKind(docs, "NetworkPolicy")) {
            assertThat(policy.path("spec").path("egress").toString()).contains("{\"ipBlock\":{\"cidr\":\"10.20.30.40/32\"}}")
                    .doesNotContain("keycloak");
        }
    }

    @Test
    void theRegistryTopicIsCompacted() {
        JsonNode registry = Manifests.ofKind(Repo.render(Repo.CHART.resolve("values.yaml")), "KafkaTopic").stream()
                .filter(t -> t.path("spec").path("topicName").asString().equals("kotacerdas.region-registry.v1"))
                .findFirst().orElseThrow();

        assertThat(registry.path("spec").path("config").path("cleanup.policy").asString()).isEqualTo("compact");
    }
}
