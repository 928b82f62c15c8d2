package id.kotacerdas.deploylint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import tools.jackson.databind.JsonNode;

/**
 * deploy/compose/compose.yaml: valid for docker-compose (where Debian's docker-compose is installed: `docker-compose
 * config` needs no daemon), no password with a default, every container with a healthcheck and started after what it
 * needs is healthy, data in named volumes, and each application with the environment the chart gives it.
 */
class ComposeTest {

    private static final Path ENV_EXAMPLE = Repo.ROOT.resolve("deploy/compose/env.example");
    private static final List<String> APPS = List.copyOf(Repo.applicationModules());
    private static final List<String> SERVICES = APPS.stream().filter(a -> !a.equals("gateway")).toList();

    /** compose.yaml as plain maps, with YAML merge keys (<<) applied as Compose applies them. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> compose() {
        Object loaded = new Load(LoadSettings.builder().build()).loadFromString(Repo.read(Repo.COMPOSE));
        return (Map<String, Object>) merge(loaded);
    }

    @SuppressWarnings("unchecked")
    private static Object merge(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            Object base = map.get("<<");
            if (base instanceof Map<?, ?> b) {
                out.putAll((Map<String, Object>) merge(b));
            }
            map.forEach((k, v) -> {
                if (!"<<".equals(k)) {
                    out.put(String.valueOf(k), merge(v));
                }
            });
            return out;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(ComposeTest::merge).toList();
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() {
        return (Map<String, Object>) compose().get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o == null ? Map.of() : (Map<String, Object>) o;
    }

    private static Path dockerCompose() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path exe = Path.of(dir, "docker-compose");
            if (Files.isExecutable(exe)) {
                return exe;
            }
        }
        return null;
    }

    private static String[] run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.endsWith("_PASSWORD"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("docker-compose ends").isTrue();
        return new String[] {String.valueOf(process.exitValue()), output};
    }

    @Test
    void dockerComposeAcceptsTheFileWithTheExampleEnvironment() throws Exception {
        Path exe = dockerCompose();
        if (exe == null) {
            System.out.println("ComposeTest: SKIPPED `docker-compose config` on deploy/compose/compose.yaml:"
                    + " docker-compose is not installed (Debian: apt-get install docker-compose; .ci/run installs it)");
        }
        Assumptions.assumeTrue(exe != null, "docker-compose is not installed");

        String[] result = run(exe.toString(), "--env-file", ENV_EXAMPLE.toString(), "-f", Repo.COMPOSE.toString(),
                "config", "-q");

        assertThat(result[1]).as("docker-compose config output").isEmpty();
        assertThat(result[0]).isEqualTo("0");
    }

    @Test
    void dockerComposeRefusesToStartWithoutThePasswords() throws Exception {
        Path exe = dockerCompose();
        Assumptions.assumeTrue(exe != null, "docker-compose is not installed");

        Path empty = Files.createDirectories(Path.of("target")).resolve("empty.env");
        Files.writeString(empty, "");

        String[] result = run(exe.toString(), "--env-file", empty.toString(), "-f", Repo.COMPOSE.toString(), "config",
                "-q");

        assertThat(result[0]).isNotEqualTo("0");
        assertThat(result[1]).contains("_PASSWORD");
    }

    @Test
    void everyContainerHasAHealthcheckAndWaitsForWhatItNeedsToBeHealthy() {
        Map<String, Object> services = services();
        assertThat(services).containsKeys("postgres", "kafka", "keycloak");
        assertThat(services).containsKeys(APPS.toArray(String[]::new));
        for (var service : services.entrySet()) {
            Map<String, Object> s = map(service.getValue());
            assertThat(map(s.get("healthcheck")).get("test")).as("%s healthcheck", service.getKey()).isNotNull();
            for (var dependency : map(s.get("depends_on")).entrySet()) {
                assertThat(map(dependency.getValue()).get("condition"))
                        .as("%s depends on %s", service.getKey(), dependency.getKey()).isEqualTo("service_healthy");
            }
        }
        for (String app : SERVICES) {
            assertThat(map(map(services.get(app)).get("depends_on"))).containsOnlyKeys("postgres", "kafka", "keycloak");
        }
        List<String> gatewayNeeds = new ArrayList<>(SERVICES);
        gatewayNeeds.add("keycloak");
        assertThat(map(map(services.get("gateway")).get("depends_on"))).containsOnlyKeys(gatewayNeeds);
    }

    @Test
    @SuppressWarnings("unchecked")
    void stateLivesInNamedVolumes() {
        Set<String> declared = map(compose().get("volumes")).keySet();
        assertThat(declared).containsExactlyInAnyOrder("postgres-data", "kafka-data");
        for (String stateful : List.of("postgres", "kafka")) {
            List<String> mounts = (List<String>) map(services().get(stateful)).get("volumes");
            assertThat(mounts).anyMatch(m -> m.startsWith(stateful + "-data:"));
        }
    }

    @Test
    void everyPasswordComesFromTheEnvironmentWithoutADefault() {
        Pattern literal = Pattern.compile(".*(PASSWORD|SECRET).*");
        for (var service : services().entrySet()) {
            for (var env : map(map(service.getValue()).get("environment")).entrySet()) {
                if (literal.matcher(env.getKey()).matches()) {
                    assertThat(String.valueOf(env.getValue())).as("%s %s", service.getKey(), env.getKey())
                            .matches("\\$\\{[A-Z_]+:\\?[^}]+}");
                }
            }
        }
    }

    /** Each application gets the variables the chart sets (ConfigMap and Secret references), no more, no fewer. */
    @Test
    void eachApplicationHasTheEnvironmentOfTheChart() {
        List<JsonNode> docs = Repo.render(Repo.CHART.resolve("values.yaml"));
        Set<String> otel = Set.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "QUARKUS_OTEL_SDK_DISABLED", "KOTACERDAS_TRACING_EXPORTER");
        for (String app : APPS) {
            Set<String> chart = new TreeSet<>();
            for (JsonNode cm : Manifests.ofKind(docs, "ConfigMap")) {
                if (cm.path("metadata").path("name").asString().equals("kotacerdas-" + app)) {
                    chart.addAll(cm.path("data").propertyNames());
                }
            }
            for (JsonNode d : Manifests.ofKind(docs, "Deployment")) {
                if (d.path("metadata").path("name").asString().equals("kotacerdas-" + app)) {
                    d.path("spec").path("template").path("spec").path("containers").path(0).path("env")
                            .forEach(e -> chart.add(e.path("name").asString()));
                }
            }
            chart.removeAll(otel);
            chart.remove("MALLOC_ARENA_MAX");
            Set<String> compose = new TreeSet<>(map(map(services().get(app)).get("environment")).keySet());
            compose.removeAll(otel);
            compose.remove("MALLOC_ARENA_MAX");

            assertThat(compose).as(app).isEqualTo(chart);
        }
    }

    /** deploy/local/up gives the services their database settings under these names: so do Compose and the chart. */
    @Test
    void theDatabaseVariablesAreThoseOfDeployLocal() {
        Matcher m = Pattern.compile("\"(QUARKUS_DATASOURCE_[A-Z_]+)=").matcher(Repo.read(Repo.ROOT.resolve("deploy/local/up")));
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).containsExactlyInAnyOrder("QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
        for (String app : SERVICES) {
            assertThat(map(map(services().get(app)).get("environment"))).as(app).containsKeys(names.toArray(String[]::new));
        }
    }
}
