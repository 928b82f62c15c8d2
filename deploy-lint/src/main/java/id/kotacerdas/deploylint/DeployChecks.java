package id.kotacerdas.deploylint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * What the schemas cannot see: the rules of Kota Cerdas's deployment, checked over the whole set of rendered documents.
 * Each method returns its problems; an empty list means the rule holds.
 */
public final class DeployChecks {

    private static final Pattern CREDENTIAL = Pattern.compile("(?i)(.*_)?(PASSWORD|PASSWD|SECRET|CREDENTIALS?|API_KEY|PRIVATE_KEY)(_.*)?");
    private static final Pattern DB_URL = Pattern.compile("postgresql://([^:/]+)-rw:\\d+/.*");

    private DeployChecks() {
    }

    /** Everything: each document against its schema, then every cross-check. */
    public static List<String> all(SchemaCatalog schemas, List<JsonNode> docs, Set<String> requiredTopics) {
        List<String> problems = new ArrayList<>();
        for (JsonNode doc : docs) {
            problems.addAll(schemas.validate(doc));
        }
        problems.addAll(deployments(docs));
        problems.addAll(topics(docs, requiredTopics));
        problems.addAll(kafka(docs));
        problems.addAll(databases(docs));
        problems.addAll(credentials(docs));
        problems.addAll(networkPolicies(docs));
        return problems;
    }

    /**
     * Every Deployment: startup, liveness and readiness probes on /q/health/*, CPU and memory requests and a memory
     * limit, non-root with a read-only root filesystem and no privilege escalation, and a PodDisruptionBudget, a
     * HorizontalPodAutoscaler, a Service and a NetworkPolicy that select it.
     */
    public static List<String> deployments(List<JsonNode> docs) {
        List<String> problems = new ArrayList<>();
        for (JsonNode d : Manifests.ofKind(docs, "Deployment")) {
            String id = Manifests.id(d);
            JsonNode pod = d.path("spec").path("template");
            JsonNode labels = pod.path("metadata").path("labels");
            JsonNode podSpec = pod.path("spec");
            boolean podNonRoot = podSpec.path("securityContext").path("runAsNonRoot").asBoolean(false);
            for (JsonNode c : podSpec.path("containers")) {
                String cid = id + " container " + c.path("name").asString();
                probe(problems, cid, c, "startupProbe", "/q/health/started");
                probe(problems, cid, c, "livenessProbe", "/q/health/live");
                probe(problems, cid, c, "readinessProbe", "/q/health/ready");
                JsonNode resources = c.path("resources");
                for (String path : List.of("requests/cpu", "requests/memory", "limits/memory")) {
                    if (resources.at("/" + path).isMissingNode()) {
                        problems.add(cid + ": no resources." + path.replace('/', '.'));
                    }
                }
                JsonNode sc = c.path("securityContext");
                if (!(podNonRoot || sc.path("runAsNonRoot").asBoolean(false))) {
                    problems.add(cid + ": not runAsNonRoot");
                }
                if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                    problems.add(cid + ": root filesystem not read-only");
                }
                if (sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                    problems.add(cid + ": allowPrivilegeEscalation not false");
                }
            }
            if (Manifests.ofKind(docs, "PodDisruptionBudget").stream()
                    .noneMatch(p -> selects(p.path("spec").path("selector").path("matchLabels"), labels))) {
                problems.add(id + ": no PodDisruptionBudget selects its pods");
            }
            if (Manifests.ofKind(docs, "Service").stream()
                    .noneMatch(s -> selects(s.path("spec").path("selector"), labels))) {
                problems.add(id + ": no Service selects its pods");
            }
            if (Manifests.ofKind(docs, "NetworkPolicy").stream()
                    .noneMatch(n -> selects(n.path("spec").path("podSelector").path("matchLabels"), labels))) {
                problems.add(id + ": no NetworkPolicy selects its pods");
            }
            if (hpaOf(docs, d) == null) {
                problems.add(id + ": no HorizontalPodAutoscaler scales it");
            }
        }
        return problems;
    }

    /**
     * Every required topic has a KafkaTopic of a rendered Kafka cluster, with at least as many partitions as the most
     * replicas any consuming service can run (its HorizontalPodAutoscaler's maxReplicas, or its replicas).
     */
    public static List<String> topics(List<JsonNode> docs, Set<String> requiredTopics) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> byName = new TreeMap<>();
        for (JsonNode t : Manifests.ofKind(docs, "KafkaTopic")) {
            String name = t.path("spec").path("topicName").asString(t.path("metadata").path("name").asString());
            byName.put(name, t);
        }
        Set<String> clusters = new HashSet<>();
        Manifests.ofKind(docs, "Kafka").forEach(k -> clusters.add(k.path("metadata").path("name").asString()));
        int consumers = maxServiceReplicas(docs);
        for (String topic : requiredTopics) {
            JsonNode t = byName.get(topic);
            if (t == null) {
                problems.add("topic " + topic + ": no KafkaTopic");
                continue;
            }
            int partitions = t.path("spec").path("partitions").asInt(0);
            if (partitions < consumers) {
                problems.add("topic " + topic + ": " + partitions + " partitions, fewer than the " + consumers
                        + " replicas a consumer group may run");
            }
            String cluster = t.path("metadata").path("labels").path("strimzi.io/cluster").asString("");
            if (!clusters.contains(cluster)) {
                problems.add("topic " + topic + ": strimzi.io/cluster '" + cluster + "' is not a rendered Kafka");
            }
        }
        return problems;
    }

    /** The Kafka cluster: KRaft node pools of at least three brokers, min.insync.replicas=2, no auto-created topics. */
    public static List<String> kafka(List<JsonNode> docs) {
        List<String> problems = new ArrayList<>();
        for (JsonNode k : Manifests.ofKind(docs, "Kafka")) {
            String id = Manifests.id(k);
            JsonNode config = k.path("spec").path("kafka").path("config");
            if (config.path("min.insync.replicas").asInt(1) < 2) {
                problems.add(id + ": min.insync.replicas below 2");
            }
            if (config.path("auto.create.topics.enable").asBoolean(true)) {
                problems.add(id + ": auto.create.topics.enable is not false");
            }
            int brokers = 0;
            for (JsonNode pool : Manifests.ofKind(docs, "KafkaNodePool")) {
                String cluster = pool.path("metadata").path("labels").path("strimzi.io/cluster").asString("");
                boolean broker = false;
                for (JsonNode role : pool.path("spec").path("roles")) {
                    broker |= "broker".equals(role.asString());
                }
                if (broker && cluster.equals(k.path("metadata").path("name").asString())) {
                    brokers += pool.path("spec").path("replicas").asInt(0);
                }
            }
            if (brokers < 3) {
                problems.add(id + ": " + brokers + " brokers in its KafkaNodePools, fewer than 3");
            }
        }
        return problems;
    }

    /** Each CloudNativePG cluster: three instances or more, WAL archiving to an object store, a ScheduledBackup. */
    public static List<String> databases(List<JsonNode> docs) {
        List<String> problems = new ArrayList<>();
        for (JsonNode c : Manifests.ofKind(docs, "Cluster")) {
            String id = Manifests.id(c);
            String name = c.path("metadata").path("name").asString();
            if (c.path("spec").path("instances").asInt(0) < 3) {
                problems.add(id + ": fewer than 3 instances");
            }
            if (c.path("spec").path("backup").path("barmanObjectStore").path("destinationPath").asString("").isBlank()) {
                problems.add(id + ": no WAL archive and backup object store (spec.backup.barmanObjectStore)");
            }
            if (Manifests.ofKind(docs, "ScheduledBackup").stream()
                    .noneMatch(b -> name.equals(b.path("spec").path("cluster").path("name").asString()))) {
                problems.add(id + ": no ScheduledBackup");
            }
        }
        return problems;
    }

    /** No Secret is rendered, and no credential is written as a value: passwords come from existing Secrets. */
    public static List<String> credentials(List<JsonNode> docs) {
        List<String> problems = new ArrayList<>();
        for (JsonNode doc : docs) {
            String id = Manifests.id(doc);
            if ("Secret".equals(doc.path("kind").asString())) {
                problems.add(id + ": the chart renders a Secret; credentials must come from existing Secrets");
            }
            if ("ConfigMap".equals(doc.path("kind").asString())) {
                for (String key : doc.path("data").propertyNames()) {
                    if (CREDENTIAL.matcher(key).matches()) {
                        problems.add(id + ": credential " + key + " in a ConfigMap");
                    }
                }
            }
            for (JsonNode container : doc.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode env : container.path("env")) {
                    if (CREDENTIAL.matcher(env.path("name").asString()).matches() && env.has("value")) {
                        problems.add(id + ": credential " + env.path("name").asString() + " as a literal value");
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Network policies: a service (component "service") is reached only from the gateway's pods (and the metrics
     * namespace), and reaches only DNS, Keycloak, Kafka and its own database: the CloudNativePG cluster its
     * ConfigMap's QUARKUS_DATASOURCE_REACTIVE_URL names.
     */
    public static List<String> networkPolicies(List<JsonNode> docs) {
        List<String> problems = new ArrayList<>();
        JsonNode gateway = Manifests.ofKind(docs, "Deployment").stream()
                .filter(d -> "gateway".equals(component(d))).findFirst().orElse(null);
        for (JsonNode d : Manifests.ofKind(docs, "Deployment")) {
            if (!"service".equals(component(d))) {
                continue;
            }
            String id = Manifests.id(d);
            JsonNode labels = d.path("spec").path("template").path("metadata").path("labels");
            JsonNode policy = Manifests.ofKind(docs, "NetworkPolicy").stream()
                    .filter(n -> selects(n.path("spec").path("podSelector").path("matchLabels"), labels))
                    .findFirst().orElse(null);
            if (policy == null) {
                continue; // reported by deployments()
            }
            Set<String> types = new HashSet<>();
            policy.path("spec").path("policyTypes").forEach(t -> types.add(t.asString()));
            if (!types.contains("Ingress") || !types.contains("Egress")) {
                problems.add(id + ": its NetworkPolicy does not restrict both Ingress and Egress");
            }
            for (JsonNode rule : policy.path("spec").path("ingress")) {
                if (rule.path("from").isEmpty()) {
                    problems.add(id + ": an ingress rule open to every source");
                }
                for (JsonNode peer : rule.path("from")) {
                    boolean fromGateway = peer.has("podSelector") && !peer.has("namespaceSelector") && gateway != null
                            && selects(peer.path("podSelector").path("matchLabels"),
                                    gateway.path("spec").path("template").path("metadata").path("labels"))
                            && !peer.path("podSelector").path("matchLabels").isEmpty();
                    boolean fromNamespace = peer.has("namespaceSelector") && !peer.has("podSelector")
                            && !peer.path("namespaceSelector").path("matchLabels").isEmpty();
                    if (!fromGateway && !fromNamespace) {
                        problems.add(id + ": ingress allowed from " + peer + ", not only from the gateway");
                    }
                }
            }
            JsonNode environment = environment(docs, d);
            String database = ownDatabase(environment);
            int keycloakPort = externalKeycloakPort(environment);
            for (JsonNode rule : policy.path("spec").path("egress")) {
                if (rule.path("to").isEmpty()) {
                    problems.add(id + ": an egress rule open to every destination");
                }
                for (JsonNode peer : rule.path("to")) {
                    JsonNode match = peer.path("podSelector").path("matchLabels");
                    String cnpg = match.path("cnpg.io/cluster").asString(null);
                    boolean dns = rule.path("ports").valueStream().allMatch(p -> p.path("port").asInt() == 53)
                            && peer.has("namespaceSelector") && !match.isEmpty();
                    // the operator's Keycloak by its pods' label; a ministry's own Keycloak by address, on its URL's port only
                    boolean keycloak = keycloakPort < 0 ? "keycloak".equals(match.path("app").asString(null))
                            : !rule.path("ports").isEmpty() && rule.path("ports").valueStream()
                                    .allMatch(p -> p.path("port").asInt() == keycloakPort);
                    boolean kafka = "Kafka".equals(match.path("strimzi.io/kind").asString(null));
                    if (cnpg != null && !cnpg.equals(database)) {
                        problems.add(id + ": egress to database cluster " + cnpg + ", not its own (" + database + ")");
                    } else if (cnpg == null && !dns && !keycloak && !kafka) {
                        problems.add(id + ": egress allowed to " + peer
                                + ", beyond its database, Kafka, Keycloak and DNS");
                    }
                }
            }
        }
        return problems;
    }

    /** The data of the ConfigMap a Deployment's first container takes its environment from (empty if none). */
    private static JsonNode environment(List<JsonNode> docs, JsonNode deployment) {
        for (JsonNode ref : deployment.path("spec").path("template").path("spec").path("containers").path(0).path("envFrom")) {
            String name = ref.path("configMapRef").path("name").asString("");
            for (JsonNode cm : Manifests.ofKind(docs, "ConfigMap")) {
                if (name.equals(cm.path("metadata").path("name").asString())) {
                    return cm.path("data");
                }
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    private static String ownDatabase(JsonNode environment) {
        Matcher m = DB_URL.matcher(environment.path("QUARKUS_DATASOURCE_REACTIVE_URL").asString(""));
        return m.matches() ? m.group(1) : "(none)";
    }

    /** The port of an external Keycloak (the OIDC server URL's), or -1 for the operator's in-cluster Keycloak. */
    private static int externalKeycloakPort(JsonNode environment) {
        java.net.URI uri = java.net.URI.create(environment.path("QUARKUS_OIDC_AUTH_SERVER_URL").asString("http://x"));
        if (uri.getHost() == null || uri.getHost().endsWith("-keycloak-service")) {
            return -1;
        }
        return uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static String component(JsonNode deployment) {
        return deployment.path("spec").path("template").path("metadata").path("labels")
                .path("app.kubernetes.io/component").asString("");
    }

    private static int maxServiceReplicas(List<JsonNode> docs) {
        int max = 1;
        for (JsonNode d : Manifests.ofKind(docs, "Deployment")) {
            if (!"service".equals(component(d))) {
                continue;
            }
            max = Math.max(max, d.path("spec").path("replicas").asInt(1));
            JsonNode hpa = hpaOf(docs, d);
            if (hpa != null) {
                max = Math.max(max, hpa.path("spec").path("maxReplicas").asInt(1));
            }
        }
        return max;
    }

    private static JsonNode hpaOf(List<JsonNode> docs, JsonNode deployment) {
        String name = deployment.path("metadata").path("name").asString();
        return Manifests.ofKind(docs, "HorizontalPodAutoscaler").stream()
                .filter(h -> "Deployment".equals(h.path("spec").path("scaleTargetRef").path("kind").asString())
                        && name.equals(h.path("spec").path("scaleTargetRef").path("name").asString()))
                .findFirst().orElse(null);
    }

    private static void probe(List<String> problems, String id, JsonNode container, String probe, String path) {
        JsonNode p = container.path(probe);
        if (p.isMissingNode()) {
            problems.add(id + ": no " + probe);
        } else if (!path.equals(p.path("httpGet").path("path").asString(""))) {
            problems.add(id + ": " + probe + " is not an HTTP GET of " + path);
        }
    }

    /** Whether a selector (label -> value) selects these labels; an empty selector selects nothing here. */
    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        for (String key : selector.propertyNames()) {
            if (!selector.get(key).asString().equals(labels.path(key).asString(null))) {
                return false;
            }
        }
        return true;
    }
}
