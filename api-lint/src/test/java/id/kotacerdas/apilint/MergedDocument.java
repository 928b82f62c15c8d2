package id.kotacerdas.apilint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's whole merged OpenAPI document, offline, as the gateway serves it in production: the packaged gateway
 * ({@code gateway/target/quarkus-app}, its own configuration, prod profile) is started on a free port with every route
 * of its configuration pointed at one in-test HTTP server, which serves each route's service document as that service
 * stored it at build time ({@code <route>-service/target/openapi/openapi.json}) under {@code /<route>}. Built once per
 * test JVM and shared by the lint, the contract and the envelope tests; also written to
 * {@code api-lint/target/documents/gateway.json}.
 */
final class MergedDocument {

    static final Path ROOT = Path.of(System.getProperty("kotacerdas.root", "..")).toAbsolutePath().normalize();
    static final Path LINT = ROOT.resolve("api-lint");
    static final Path WRITTEN = LINT.resolve("target/documents/gateway.json");
    static final ObjectMapper JSON = new ObjectMapper();
    /** The routes of the gateway's production configuration ({@code %dev,prod.gateway.routes.<name>.upstream}). */
    private static final Pattern ROUTE = Pattern.compile("(?m)^%[a-z,]*prod[a-z,]*\\.gateway\\.routes\\.([a-z0-9-]+)\\.upstream=");

    private static ObjectNode merged;

    private MergedDocument() {
    }

    /** The merged document (built on first use). */
    static synchronized ObjectNode get() throws Exception {
        if (merged == null) {
            merged = build();
        }
        return merged;
    }

    /** The route names of the gateway's production configuration, in order. */
    static List<String> routes() throws IOException {
        String properties = Files.readString(ROOT.resolve("gateway/src/main/resources/application.properties"));
        Matcher m = ROUTE.matcher(properties);
        List<String> routes = new ArrayList<>();
        while (m.find()) {
            routes.add(m.group(1));
        }
        assertThat(routes).as("routes in gateway/src/main/resources/application.properties").isNotEmpty();
        return routes;
    }

    private static ObjectNode build() throws Exception {
        Path gatewayJar = ROOT.resolve("gateway/target/quarkus-app/quarkus-run.jar");
        assertThat(gatewayJar).as("the packaged gateway (./mvnw -pl gateway package)").exists();
        Map<String, byte[]> documents = new LinkedHashMap<>();
        for (String route : routes()) {
            Path stored = ROOT.resolve(route + "-service/target/openapi/openapi.json");
            assertThat(stored).as("the document of route %s's service as stored at build time", route).exists();
            documents.put(route, Files.readAllBytes(stored));
        }
        HttpServer upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String route = path.length() > 1 ? path.substring(1).split("/", 2)[0] : "";
            if (path.endsWith("/q/health/ready") || path.endsWith("/q/health/live")) {
                respond(exchange, 200, "{\"status\":\"UP\",\"checks\":[]}".getBytes(StandardCharsets.UTF_8));
            } else if (path.equals("/" + route + "/q/openapi") && documents.containsKey(route)) {
                respond(exchange, 200, documents.get(route));
            } else {
                respond(exchange, 404, "{}".getBytes(StandardCharsets.UTF_8));
            }
        });
        upstream.start();
        int port = freePort();
        Path log = LINT.resolve("target/gateway.log");
        Files.createDirectories(log.getParent());
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m",
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1", "-Dgateway.openapi.cache-ttl=0s"));
        for (String route : documents.keySet()) {
            command.add("-Dgateway.routes." + route + ".upstream=http://127.0.0.1:" + upstream.getAddress().getPort() + "/" + route);
            command.add("-Dgateway.routes." + route + ".openapi-path=/q/openapi");
        }
        command.addAll(List.of("-jar", gatewayJar.toString()));
        Process gateway = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI live = URI.create("http://127.0.0.1:" + port + "/q/health/live");
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> gateway.isAlive() && client.send(HttpRequest.newBuilder(live).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).as("the gateway's /q/openapi").isEqualTo(200);
            ObjectNode document = (ObjectNode) JSON.readTree(answer.body());
            for (JsonNode service : document.path("x-kotacerdas-services")) {
                assertThat(service.path("status").asText()).as("route %s's document is merged: %s", service.path("route").asText(),
                        service).isEqualTo("included");
            }
            assertThat(document.path("x-kotacerdas-services")).as("every route in x-kotacerdas-services").hasSize(documents.size());
            Files.createDirectories(WRITTEN.getParent());
            Files.write(WRITTEN, answer.body());
            return document;
        } finally {
            gateway.destroy();
            if (!gateway.waitFor(20, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
            upstream.stop(0);
        }
    }

    // ------------------------------------------------------------------ the committed form

    /** The document with every object's keys sorted (arrays keep their order): the same document, a stable text. */
    static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JSON.createObjectNode();
            TreeSet<String> names = new TreeSet<>();
            node.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                sorted.set(name, canonical(node.get(name)));
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = JSON.createArrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        return node;
    }

    /**
     * Pretty JSON as {@code JSON.stringify(document, null, 2)} writes it: two spaces, {@code "key": value}, one element
     * a line, {@code {}} and {@code []} when empty, LF line ends; a final newline.
     */
    static String render(JsonNode node) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER).withObjectEmptySeparator("").withArrayEmptySeparator(""))
                .withObjectIndenter(indenter).withArrayIndenter(indenter);
        try {
            return JSON.writer(printer).writeValueAsString(canonical(node)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
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
