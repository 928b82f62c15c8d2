package id.kotacerdas.apilint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <li>the gateway's merged document of the whole suite ({@link MergedDocument}: the packaged gateway, its real
 * configuration, prod profile, every route pointed at an in-test server that serves those stored documents);</li>
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
        JsonNode document = MergedDocument.get();
        for (String route : MergedDocument.routes()) {
            assertThat(document.path("x-kotacerdas-services").findValuesAsText("route")).as("routes merged").contains(route);
        }
        assertThat(document.path("paths").has("/api/v1/regions/{code}/profile")).isTrue();
        assertThat(document.path("paths").has("/api/v1/mous")).as("agreement-service's paths").isTrue();
        assertNoErrors(MergedDocument.WRITTEN);
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

}
