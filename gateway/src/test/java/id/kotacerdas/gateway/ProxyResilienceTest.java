package id.kotacerdas.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway neither hangs nor leaks upstream connections when callers abort or outnumber its pool. Route
 * {@code burst} has a pool of 4 connections and a wait queue of 4 (wait at most 2 s). After each abuse, 4 concurrent
 * one-second requests must all succeed in about one second: a single connection left busy would make one of them wait
 * for another second (or be refused).
 */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(OidcWiremockTestResource.class)
class ProxyResilienceTest {

    static final int POOL = 4;

    @ConfigProperty(name = "fake.alpha.port")
    int alphaPort;

    String token;
    ExecutorService threads;

    @BeforeEach
    void setUp() {
        token = Tokens.forUser("load-" + UUID.randomUUID(), "integrator");
        threads = Executors.newFixedThreadPool(48);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    @Test
    void callersAbortingWhileQueuedLeaveNoConnectionBusy() throws Exception {
        // the pool is held by 4 slow requests; 4 more callers queue and hang up while waiting
        List<Socket> holders = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            holders.add(sendHead("GET", "/api/v1/burst/hold-" + i, Map.of("X-Fake-Delay-Ms", "1000"), -1));
        }
        Thread.sleep(200);
        List<Socket> queued = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            queued.add(sendHead("GET", "/api/v1/burst/queued-" + i, Map.of("X-Fake-Delay-Ms", "200"), -1));
        }
        Thread.sleep(200);
        queued.forEach(ProxyResilienceTest::reset);
        for (Socket holder : holders) {
            assertThat(statusLine(holder)).contains(" 200 ");
            reset(holder);
        }
        assertNoUpstreamRequestIsStuck();
        assertTheWholePoolIsFree();
    }

    @Test
    void callersAbortingMidRequestLeaveNoConnectionBusy() throws Exception {
        for (int round = 0; round < 3; round++) {
            List<Future<?>> abusers = new ArrayList<>();
            for (int i = 0; i < POOL; i++) {
                String path = "/api/v1/burst/half-body-" + round + "-" + i;
                abusers.add(threads.submit(() -> {
                    Socket s = sendHead("PUT", path, Map.of(), 100_000);
                    s.getOutputStream().write(new byte[10_000]);
                    s.getOutputStream().flush();
                    Thread.sleep(150); // the gateway has forwarded the head and the first bytes
                    reset(s);
                    return null;
                }));
            }
            for (Future<?> abuser : abusers) {
                abuser.get(30, TimeUnit.SECONDS);
            }
        }
        assertThat(new Upstream(alphaPort).requestsTo("/api/v1/burst/half-body-0-0"))
                .as("an aborted upload never reaches the service as a complete request").isEmpty();
        assertNoUpstreamRequestIsStuck();
        assertTheWholePoolIsFree();
    }

    @Test
    void callersAbortingMidResponseLeaveNoConnectionBusy() throws Exception {
        for (int round = 0; round < 3; round++) {
            List<Future<?>> abusers = new ArrayList<>();
            for (int i = 0; i < POOL; i++) {
                String path = "/api/v1/burst/stream-" + round + "-" + i;
                abusers.add(threads.submit(() -> {
                    // 2000 chunks of 1 KiB, one every 2 ms: ~4 s of streaming, cut after ~20 KiB
                    Socket s = sendHead("GET", path, Map.of("X-Fake-Chunks", "2000", "X-Fake-Chunk-Interval-Ms", "2"), -1);
                    InputStream in = s.getInputStream();
                    byte[] buffer = new byte[8192];
                    int total = 0;
                    while (total < 20_000) {
                        int n = in.read(buffer);
                        assertThat(n).as("the stream is still flowing").isPositive();
                        total += n;
                    }
                    assertThat(new String(buffer, 0, 12, StandardCharsets.US_ASCII)).isNotEmpty();
                    reset(s);
                    return null;
                }));
            }
            for (Future<?> abuser : abusers) {
                abuser.get(30, TimeUnit.SECONDS);
            }
        }
        assertNoUpstreamRequestIsStuck();
        assertTheWholePoolIsFree();
    }

    @Test
    void moreCallersThanThePoolHoldsAreQueuedOrShedNeverHung() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(threads).build();
        List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String path = "/api/v1/burst/crowd-" + i;
            calls.add(() -> client.send(request(path, Map.of("X-Fake-Delay-Ms", "300")), HttpResponse.BodyHandlers.ofString()));
        }
        long start = System.nanoTime();
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (Callable<HttpResponse<String>> call : calls) {
            answers.add(threads.submit(call));
        }
        // and at the end of the run, callers that give up on requests in flight or queued
        Thread.sleep(150);
        List<Future<?>> quitters = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            quitters.add(threads.submit(() -> {
                Socket s = sendHead("GET", "/api/v1/burst/quitter-" + n, Map.of("X-Fake-Delay-Ms", "500"), -1);
                Thread.sleep(50);
                reset(s);
                return null;
            }));
        }
        int ok = 0;
        int shed = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(15, TimeUnit.SECONDS); // none hangs
            if (response.statusCode() == 200) {
                ok++;
            } else {
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                shed++;
            }
        }
        for (Future<?> quitter : quitters) {
            quitter.get(15, TimeUnit.SECONDS);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // 4 connections and 4 waiting places for 52 callers: some are served, the rest refused at once
        assertThat(ok).as("served").isPositive();
        assertThat(shed).as("shed").isPositive();
        assertThat(ok + shed).isEqualTo(40);
        assertThat(millis).as("all 40 answered long before any client timeout").isLessThan(12_000);

        assertNoUpstreamRequestIsStuck();
        assertTheWholePoolIsFree();
    }

    private void assertNoUpstreamRequestIsStuck() {
        Upstream alpha = new Upstream(alphaPort);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(alpha.stats().getInt("inFlight")).isZero());
    }

    /** 4 concurrent 1-second requests finish together: every pooled connection is free. */
    private void assertTheWholePoolIsFree() throws Exception {
        long single = System.nanoTime();
        given().auth().oauth2(token).get("/api/v1/burst/after").then().statusCode(200);
        assertThat((System.nanoTime() - single) / 1_000_000).as("a normal request right after").isLessThan(1000);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads).build();
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < POOL; i++) {
            String path = "/api/v1/burst/capacity-" + i;
            answers.add(threads.submit(() -> client.send(request(path, Map.of("X-Fake-Delay-Ms", "1000")),
                    HttpResponse.BodyHandlers.ofString())));
        }
        for (Future<HttpResponse<String>> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("4 requests on 4 free connections take one delay, not two").isLessThan(1900);
    }

    private HttpRequest request(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token);
        headers.forEach(builder::header);
        return builder.build();
    }

    /** Opens a connection and sends a request head (and promises a body when contentLength >= 0). */
    private Socket sendHead(String method, String path, Map<String, String> headers, long contentLength) throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout(20_000);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + RestAssured.port
                + "\r\nAuthorization: Bearer " + token + "\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (contentLength >= 0) {
            head.append("Content-Type: application/octet-stream\r\nContent-Length: ").append(contentLength).append("\r\n");
        }
        head.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String statusLine(Socket socket) throws IOException {
        StringBuilder line = new StringBuilder();
        InputStream in = socket.getInputStream();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }

    /** Hangs up abruptly (TCP RST), as a killed client or a dropped mobile connection does. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
