package id.kotacerdas.apilint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suite's API documents as an auditor lints them: Spectral (OpenAPI rules + OWASP API Security ruleset, pinned in
 * {@code package.json}/{@code package-lock.json}) with the committed {@code .spectral.yaml}, whose waivers each say why.
 * Any error fails the build; warnings are printed.
 * <ul>
 * <li>each service's document as Quarkus stored it at build time ({@code <service>/target/openapi/openapi.json});</li>
 * <li>the gateway's merged document, from the packaged gateway (its real configuration, prod profile) in front of a
 * fake upstream that serves those stored documents;</li>
 * <li>and a document with an unbounded request string, which must fail: the narrowed rules still bite.</li>
 * </ul>
 * Spectral is installed with {@code npm ci} from the lock file (nothing from outside the npm registry; an empty
 * {@code ~/.npm} works).
 */
class ApiDocumentsLintTest {

    static final Path ROOT = Path.of(System.getProperty("kotacerdas.root", "..")).toAbsolutePath().normalize();
    static final Path LINT = ROOT.resolve("api-lint");
    static final Path DOCUMENTS = LINT.resolve("target/documents");
    static final ObjectMapper JSON = new ObjectMapper();

    static List<String> services() {
        return Arrays.stream(System.getProperty("api-lint.services", "region-service").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @BeforeAll
    static void installSpectral() throws Exception {
        Path cli = LINT.resolve("node_modules/@stoplight/spectral-cli/package.json");
        Path installed = LINT.resolve("node_modules/.package-lock.json");
        boolean current = Files.exists(cli) && Files.exists(installed)
                && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(LINT.resolve("package-lock.json"))) >= 0;
        if (!current) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline"), 600);
            assertThat(install.exit()).as("npm ci in %s:%n%s", LINT, install.output()).isZero();
        }
        Files.createDirectories(DOCUMENTS.resolve("services"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void serviceDocumentHasNoUnwaivedError(String service) throws Exception {
        Path stored = ROOT.resolve(service).resolve("target/openapi/openapi.json");
        assertThat(stored).as("the document " + service + " stores at build time (quarkus.smallrye-openapi.store-schema-directory)")
                .exists();
        Path copy = DOCUMENTS.resolve("services").resolve(service + ".json");
        Files.copy(stored, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertNoErrors(copy);
    }

    @Test
    void gatewayMergedDocumentHasNoUnwaivedError() throws Exception {
        Path gatewayJar = ROOT.resolve("gateway/target/quarkus-app/quarkus-run.jar");
        assertThat(gatewayJar).as("the packaged gateway").exists();
        byte[] regionDocument = Files.readAllBytes(ROOT.resolve("region-service/target/openapi/openapi.json"));
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/q/openapi", exchange -> respond(exchange, regionDocument));
        upstream.createContext("/q/health/ready", exchange -> respond(exchange,
                "{\"status\":\"UP\",\"checks\":[]}".getBytes(StandardCharsets.UTF_8)));
        upstream.start();
        int port = freePort();
        Path log = LINT.resolve("target/gateway.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process gateway = new ProcessBuilder(java, "-Xmx128m",
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dgateway.routes.region.upstream=http://127.0.0.1:" + upstream.getAddress().getPort(),
                "-Dgateway.openapi.cache-ttl=0s",
                "-jar", gatewayJar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI live = URI.create("http://127.0.0.1:" + port + "/q/health/live");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> gateway.isAlive() && client.send(HttpRequest.newBuilder(live).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            HttpResponse<byte[]> merged = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(merged.statusCode()).isEqualTo(200);
            JsonNode document = JSON.readTree(merged.body());
            assertThat(document.at("/x-kotacerdas-services/0/status").asText()).as("region's document is merged").isEqualTo("included");
            assertThat(document.path("paths").has("/api/v1/regions/{code}/profile")).isTrue();
            Path copy = DOCUMENTS.resolve("gateway.json");
            Files.write(copy, merged.body());
            assertNoErrors(copy);
        } finally {
            gateway.destroy();
            if (!gateway.waitFor(20, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
            upstream.stop(0);
        }
    }

    @Test
    void anUnboundedRequestStringFailsTheLint() throws Exception {
        Path fixture = DOCUMENTS.resolve("fixtures/unbounded-request.json");
        Files.createDirectories(fixture.getParent());
        try (var in = ApiDocumentsLintTest.class.getResourceAsStream("/unbounded-request.json")) {
            Files.copy(in, fixture, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        List<JsonNode> errors = errors(lint(fixture));
        assertThat(errors).extracting(e -> e.path("code").asText() + " " + path(e))
                .contains("owasp:api4:2023-string-limit paths./things.post.requestBody.content.application/json.schema.properties.name",
                        "owasp:api4:2023-string-limit paths./things.post.parameters.0.schema",
                        "owasp:api4:2023-integer-limit paths./things.post.parameters.1.schema",
                        // the narrowed rate-limit rule still bites: a 2xx without RateLimit headers
                        "owasp:api4:2023-rate-limit paths./things.post.responses.200")
                // the size rules are about what clients send, never about responses
                .noneMatch(e -> e.contains("responses") && !e.startsWith("owasp:api4:2023-rate-limit "));
    }

    // ------------------------------------------------------------------ helpers

    private static void assertNoErrors(Path document) throws Exception {
        JsonNode results = lint(document);
        List<String> warnings = new ArrayList<>();
        for (JsonNode result : results) {
            if (result.path("severity").asInt() == 1) {
                warnings.add(describe(result));
            }
        }
        if (!warnings.isEmpty()) {
            System.out.printf("%s: %d warnings%n  %s%n", LINT.relativize(document), warnings.size(), String.join("\n  ", warnings));
        }
        List<JsonNode> errors = errors(results);
        assertThat(errors).as("Spectral errors in %s:%n  %s", LINT.relativize(document),
                errors.stream().map(ApiDocumentsLintTest::describe).collect(Collectors.joining("\n  "))).isEmpty();
    }

    private static List<JsonNode> errors(JsonNode results) {
        List<JsonNode> errors = new ArrayList<>();
        results.forEach(r -> {
            if (r.path("severity").asInt() == 0) {
                errors.add(r);
            }
        });
        return errors;
    }

    /** Spectral's findings (JSON), whatever its exit code says. */
    private static JsonNode lint(Path document) throws Exception {
        Path report = LINT.resolve("target/lint").resolve(document.getFileName().toString());
        Files.createDirectories(report.getParent());
        Result result = run(List.of("node", "node_modules/@stoplight/spectral-cli/dist/index.js", "lint",
                "--ruleset", ".spectral.yaml", "--format", "json", "--output", report.toString(), "--quiet",
                "--fail-severity", "error", LINT.relativize(document).toString()), 300);
        assertThat(result.exit()).as("spectral on %s:%n%s", document, result.output()).isIn(0, 1);
        assertThat(report).as("spectral report:%n%s", result.output()).exists();
        JsonNode results = JSON.readTree(report.toFile());
        if (result.exit() == 1) {
            assertThat(errors(results)).as("spectral failed without an error:%n%s", result.output()).isNotEmpty();
        }
        return results;
    }

    private static String describe(JsonNode result) {
        return result.path("code").asText() + " at " + path(result) + ": " + result.path("message").asText();
    }

    private static String path(JsonNode result) {
        List<String> parts = new ArrayList<>();
        result.path("path").forEach(p -> parts.add(p.asText()));
        return String.join(".", parts);
    }

    record Result(int exit, String output) {
    }

    private static Result run(List<String> command, int timeoutSeconds) throws Exception {
        Path output = Files.createTempFile("api-lint", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(LINT.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("SCARF_ANALYTICS", "false");
        builder.environment().put("DO_NOT_TRACK", "1");
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish within " + timeoutSeconds + " s");
        }
        String text = Files.readString(output);
        Files.deleteIfExists(output);
        return new Result(process.exitValue(), text);
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
