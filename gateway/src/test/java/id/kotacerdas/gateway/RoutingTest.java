package id.kotacerdas.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Requests reach the right service with the headers that matter, and the answers come back intact. */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(OidcWiremockTestResource.class)
class RoutingTest {

    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @ConfigProperty(name = "fake.alpha.port")
    int alphaPort;
    @ConfigProperty(name = "fake.beta.port")
    int betaPort;

    static String token() {
        return Tokens.forUser("ana", "auditor");
    }

    @Test
    void eachPrefixGoesToItsOwnServiceWithPathQueryAndToken() {
        String id = UUID.randomUUID().toString();
        String token = token();
        given().auth().oauth2(token).get("/api/v1/things/" + id + "?page=2&size=5")
                .then().statusCode(200)
                .body("path", equalTo("/api/v1/things/" + id))
                .body("query", equalTo("page=2&size=5"));
        given().auth().oauth2(token).get("/api/v1/widgets/" + id).then().statusCode(200).body("path", equalTo("/api/v1/widgets/" + id));

        assertThat(new Upstream(alphaPort).headersOfOnlyRequestTo("/api/v1/things/" + id))
                .containsEntry("authorization", "Bearer " + token)
                .containsKey("x-forwarded-for")
                .containsEntry("x-forwarded-proto", "http");
        assertThat(new Upstream(alphaPort).requestsTo("/api/v1/widgets/" + id)).isEmpty();
        assertThat(new Upstream(betaPort).requestsTo("/api/v1/widgets/" + id)).hasSize(1);
    }

    @Test
    void prefixesMatchWholeSegmentsOnly() {
        given().auth().oauth2(token()).get("/api/v1/thingsandmore").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void unknownPathIsAProblemFromTheGateway() {
        given().get("/nowhere/at/all").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kotacerdas.id/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("status", equalTo(404))
                .body("detail", notNullValue())
                .body("instance", equalTo("/nowhere/at/all"))
                .body("requestId", notNullValue());
    }

    @Test
    void conditionalAndIdempotencyHeadersPassBothWays() {
        String id = UUID.randomUUID().toString();
        Response first = given().auth().oauth2(token()).header("Idempotency-Key", "key-" + id)
                .header("If-Match", "\"v0\"").contentType("application/json").body("{\"name\":\"Taman\"}")
                .header("X-Fake-Retry-After", "7")
                .post("/api/v1/things/" + id);
        first.then().statusCode(200)
                .header("ETag", "\"v1\"")
                .header("Cache-Control", "max-age=60")
                .header("Idempotent-Replayed", "true")
                .header("Retry-After", "7")
                .header("Content-Type", "application/json")
                .body("body", equalTo("{\"name\":\"Taman\"}"));
        Map<String, String> seen = new Upstream(alphaPort).headersOfOnlyRequestTo("/api/v1/things/" + id);
        assertThat(seen).containsEntry("idempotency-key", "key-" + id).containsEntry("if-match", "\"v0\"")
                .containsEntry("content-type", "application/json");

        given().auth().oauth2(token()).header("If-None-Match", "\"v1\"").get("/api/v1/things/" + id)
                .then().statusCode(304).header("ETag", "\"v1\"");
    }

    @Test
    void absoluteLocationOfTheServiceIsRewrittenToTheGateway() {
        String id = UUID.randomUUID().toString();
        Response created = given().auth().oauth2(token()).header("X-Fake-Created", "/api/v1/things/" + id)
                .contentType("application/json").body("{}").post("/api/v1/things");
        created.then().statusCode(201);
        String gatewayOrigin = "http://localhost:" + io.restassured.RestAssured.port;
        assertThat(created.header("Location")).isEqualTo(gatewayOrigin + "/api/v1/things/" + id);
        assertThat(created.header("Content-Location")).isEqualTo(gatewayOrigin + "/api/v1/things/" + id);
    }

    @Test
    void gatewayOwnsCorsAndSecurityHeadersOfForwardedResponses() {
        given().auth().oauth2(token()).get("/api/v1/things/x").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void requestIdAndTraceContextAreGeneratedForwardedAndReturned() {
        String id = UUID.randomUUID().toString();
        Response response = given().auth().oauth2(token()).get("/api/v1/things/" + id);
        response.then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .header("traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
        Map<String, String> seen = new Upstream(alphaPort).headersOfOnlyRequestTo("/api/v1/things/" + id);
        assertThat(seen).containsEntry("x-request-id", response.header("X-Request-Id"));
        // the upstream call is a child span (the gateway's client span) of the gateway's server span, in its trace
        assertThat(seen.get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
                .startsWith(traceIdPart(response.header("traceparent")))
                .isNotEqualTo(response.header("traceparent"));
    }

    @Test
    void saneRequestIdAndValidTraceContextOfTheCallerAreKept() {
        String id = UUID.randomUUID().toString();
        Response response = given().auth().oauth2(token()).header("X-Request-Id", "app-" + id)
                .header("traceparent", TRACEPARENT).get("/api/v1/things/" + id);
        // the caller's trace goes on: same trace id, the gateway's own span
        response.then().statusCode(200).header("X-Request-Id", "app-" + id)
                .header("traceparent", startsWith(traceIdPart(TRACEPARENT)));
        assertThat(response.header("traceparent")).isNotEqualTo(TRACEPARENT);
        Map<String, String> seen = new Upstream(alphaPort).headersOfOnlyRequestTo("/api/v1/things/" + id);
        assertThat(seen).containsEntry("x-request-id", "app-" + id);
        assertThat(seen.get("traceparent")).startsWith(traceIdPart(TRACEPARENT)).isNotEqualTo(TRACEPARENT);
    }

    @Test
    void insaneRequestIdAndInvalidTraceContextAreReplaced() {
        String id = UUID.randomUUID().toString();
        Response response = given().auth().oauth2(token()).header("X-Request-Id", "<script>" + "x".repeat(200))
                .header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
                .get("/api/v1/things/" + id);
        response.then().statusCode(200);
        assertThat(response.header("X-Request-Id")).doesNotContain("<script>");
        assertThat(response.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotStartWith("00-0000");
        Map<String, String> seen = new Upstream(alphaPort).headersOfOnlyRequestTo("/api/v1/things/" + id);
        assertThat(seen).containsEntry("x-request-id", response.header("X-Request-Id"));
        assertThat(seen.get("traceparent")).startsWith(traceIdPart(response.header("traceparent")));
    }

    /** {@code 00-<trace id>-}: what two spans of one trace share. */
    private static String traceIdPart(String traceparent) {
        return traceparent.substring(0, 36);
    }

    @Test
    void bodiesStreamThroughBothWays() {
        String id = UUID.randomUUID().toString();
        byte[] upload = new byte[900 * 1024];
        java.util.Arrays.fill(upload, (byte) 'k');
        given().auth().oauth2(token()).contentType("application/octet-stream").body(upload).put("/api/v1/things/" + id)
                .then().statusCode(200).body("bodyLength", equalTo(upload.length));

        Response streamed = given().auth().oauth2(token()).header("X-Fake-Chunks", "200").header("X-Fake-Chunk-Interval-Ms", "1")
                .get("/api/v1/things/" + id + "/stream");
        streamed.then().statusCode(200).header("Transfer-Encoding", "chunked");
        assertThat(streamed.asByteArray()).hasSize(200 * 1024);
    }

    @Test
    void anHttp2GetWithoutBodyReachesTheServiceWithoutATransferCoding() throws Exception {
        // the JDK client asks for HTTP/2 (h2c upgrade); such a request says nothing about a body, and a GET forwarded
        // chunked looked to the services like a body without Content-Type (415)
        String id = UUID.randomUUID().toString();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.URI uri = java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + "/api/v1/things/" + id);
        java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token()).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new Upstream(alphaPort).headersOfOnlyRequestTo("/api/v1/things/" + id))
                .doesNotContainKey("transfer-encoding");
        assertThat(new Upstream(alphaPort).requestsTo("/api/v1/things/" + id).get(0).get("bodyLength")).isEqualTo(0);

        // and a body of unknown length (no Content-Length on HTTP/2) still streams through, chunked
        String other = UUID.randomUUID().toString();
        java.net.http.HttpResponse<String> put = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + "/api/v1/things/" + other))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.fromPublisher(
                        java.net.http.HttpRequest.BodyPublishers.ofString("{\"a\":1}"))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(put.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(new Upstream(alphaPort).headersOfOnlyRequestTo("/api/v1/things/" + other))
                .containsEntry("transfer-encoding", "chunked");
        assertThat(new Upstream(alphaPort).requestsTo("/api/v1/things/" + other).get(0).get("body")).isEqualTo("{\"a\":1}");
    }

    @Test
    void bodyOverTheLimitIs413BeforeTheServiceIsCalled() {
        String id = UUID.randomUUID().toString();
        byte[] upload = new byte[1024 * 1024 + 1];
        // a client that asks first (Expect: 100-continue) is refused before it sends the body
        given().auth().oauth2(token()).header("Expect", "100-continue").contentType("application/octet-stream")
                .body(upload).put("/api/v1/things/" + id)
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kotacerdas.id/problems/payload-too-large"))
                .body("status", equalTo(413));
        assertThat(new Upstream(alphaPort).requestsTo("/api/v1/things/" + id)).isEmpty();
    }

    @Test
    void streamedBodyPassingTheLimitIs413AndTheServiceNeverGetsAWholeRequest() throws Exception {
        String path = "/api/v1/things/" + UUID.randomUUID();
        int port = io.restassured.RestAssured.port;
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("PUT " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + token()
                    + "\r\nContent-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            try {
                for (int i = 0; i < 24; i++) { // 1.5 MiB against a 1 MiB limit
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.flush();
                }
                out.write("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException closedByTheGateway) {
                // expected once the gateway has answered and closed
            }
            String response = new String(socket.getInputStream().readNBytes(600), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413 ").contains("application/problem+json").contains("payload-too-large");
        }
        assertThat(new Upstream(alphaPort).requestsTo(path)).isEmpty();
        given().auth().oauth2(token()).get(path).then().statusCode(200); // and the route is fine
    }
}
