package id.kotacerdas.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server standing in for a Kota Cerdas service. Tests steer it through request headers, which the gateway
 * forwards like any others:
 * <ul>
 * <li>{@code X-Fake-Delay-Ms}: answer after this long</li>
 * <li>{@code X-Fake-Status}: answer with this status</li>
 * <li>{@code X-Fake-Chunks} / {@code X-Fake-Chunk-Interval-Ms}: stream that many 1 KiB chunks, chunked encoding</li>
 * <li>{@code X-Fake-Created}: answer {@code 201} with an absolute {@code Location} (and {@code Content-Location}) on
 * this server</li>
 * <li>{@code X-Fake-Retry-After}: send {@code Retry-After}</li>
 * </ul>
 * Every response carries {@code ETag: "v1"} ({@code 304} for {@code If-None-Match: "v1"}), {@code Cache-Control}
 * and {@code Idempotent-Replayed: true} when an {@code Idempotency-Key} came; the body echoes what arrived.
 * {@code /q/openapi} serves a canned document, {@code /q/health/ready} answers UP (or what {@code PUT
 * /__fake/ready?status=503} set).
 * <p>
 * The test reads what the service saw, directly on the server's port: {@code GET /__fake/requests} (and
 * {@code DELETE} to forget), {@code GET /__fake/stats} (open connections, requests in flight, readiness requests).
 */
public final class FakeUpstream {

    private final Vertx vertx;
    private final String openapi;
    private final CopyOnWriteArrayList<JsonObject> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger readyStatus = new AtomicInteger(200);
    private final AtomicInteger readinessRequests = new AtomicInteger();
    private HttpServer server;
    private int port;
    /** Other fake servers this one can stop and start again ({@code PUT /__fake/instance?port=&up=}), by port. */
    private final Map<Integer, FakeUpstream> others = new java.util.concurrent.ConcurrentHashMap<>();

    FakeUpstream(Vertx vertx, String openapiResource) {
        this.vertx = vertx;
        try (InputStream in = FakeUpstream.class.getResourceAsStream(openapiResource)) {
            this.openapi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int start() throws Exception {
        server = vertx.createHttpServer()
                .connectionHandler(connection -> {
                    openConnections.incrementAndGet();
                    connection.closeHandler(v -> openConnections.decrementAndGet());
                })
                .requestHandler(this::handle)
                .listen(port, "localhost")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = server.actualPort();
        return port;
    }

    void controls(FakeUpstream other) {
        others.put(other.port, other);
    }

    void stop() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        HttpServerResponse response = request.response();
        if (path.startsWith("/__fake/")) {
            control(request, path);
            return;
        }
        if (path.equals("/q/openapi")) {
            response.putHeader("Content-Type", "application/json").end(openapi);
            return;
        }
        if (path.equals("/q/health/ready")) {
            readinessRequests.incrementAndGet();
            int status = readyStatus.get();
            response.setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end("{\"status\":\"" + (status == 200 ? "UP" : "DOWN") + "\",\"checks\":[]}");
            return;
        }
        inFlight.incrementAndGet();
        AtomicInteger done = new AtomicInteger();
        Runnable finished = () -> {
            if (done.getAndIncrement() == 0) {
                inFlight.decrementAndGet();
            }
        };
        response.closeHandler(v -> finished.run());
        response.endHandler(v -> finished.run());

        JsonObject seen = new JsonObject().put("method", request.method().name()).put("path", path)
                .put("query", request.query());
        JsonObject headers = new JsonObject();
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
        seen.put("headers", headers);
        long[] length = { 0 };
        Buffer small = Buffer.buffer();
        request.handler(chunk -> {
            length[0] += chunk.length();
            if (small.length() < 4096) {
                small.appendBuffer(chunk);
            }
        });
        request.exceptionHandler(e -> finished.run());
        request.endHandler(v -> {
            seen.put("bodyLength", length[0]);
            seen.put("body", small.length() <= 4096 ? small.toString(StandardCharsets.UTF_8) : null);
            requests.add(seen);
            long delay = longHeader(request, "X-Fake-Delay-Ms", 0);
            if (delay > 0) {
                vertx.setTimer(delay, id -> answer(request, seen));
            } else {
                answer(request, seen);
            }
        });
    }

    private void answer(HttpServerRequest request, JsonObject seen) {
        HttpServerResponse response = request.response();
        if (response.closed() || response.ended()) {
            return;
        }
        String origin = "http://localhost:" + server.actualPort();
        response.putHeader("ETag", "\"v1\"").putHeader("Cache-Control", "max-age=60")
                // what a service might send that the gateway must replace or drop
                .putHeader("Access-Control-Allow-Origin", "*")
                .putHeader("X-Content-Type-Options", "upstream-value");
        if (request.getHeader("Idempotency-Key") != null) {
            response.putHeader("Idempotent-Replayed", "true");
        }
        if (request.getHeader("X-Fake-Retry-After") != null) {
            response.putHeader("Retry-After", request.getHeader("X-Fake-Retry-After"));
        }
        if ("\"v1\"".equals(request.getHeader("If-None-Match"))) {
            response.setStatusCode(304).end();
            return;
        }
        int status = (int) longHeader(request, "X-Fake-Status", 200);
        String created = request.getHeader("X-Fake-Created");
        if (created != null) {
            status = 201;
            response.putHeader("Location", origin + created);
            response.putHeader("Content-Location", origin + created);
        }
        response.setStatusCode(status);
        long chunks = longHeader(request, "X-Fake-Chunks", 0);
        if (chunks > 0) {
            response.setChunked(true).putHeader("Content-Type", "application/octet-stream");
            long interval = longHeader(request, "X-Fake-Chunk-Interval-Ms", 10);
            Buffer chunk = Buffer.buffer("x".repeat(1023) + "\n");
            long[] sent = { 0 };
            vertx.setPeriodic(0, interval, id -> {
                if (response.closed() || response.ended()) {
                    vertx.cancelTimer(id);
                    return;
                }
                response.write(chunk);
                if (++sent[0] == chunks) {
                    vertx.cancelTimer(id);
                    response.end();
                }
            });
            return;
        }
        response.putHeader("Content-Type", "application/json").end(seen.encode());
    }

    private void control(HttpServerRequest request, String path) {
        HttpServerResponse response = request.response().putHeader("Content-Type", "application/json");
        switch (path) {
            case "/__fake/requests" -> {
                if (request.method().name().equals("DELETE")) {
                    requests.clear();
                    response.setStatusCode(204).end();
                } else {
                    response.end(new JsonArray(new java.util.ArrayList<>(requests)).encode());
                }
            }
            case "/__fake/stats" -> response.end(new JsonObject(Map.of("openConnections", openConnections.get(),
                    "inFlight", inFlight.get(), "readinessRequests", readinessRequests.get())).encode());
            case "/__fake/instance" -> {
                // stops (connections are refused from then on) or starts again another fake server, on its own port
                FakeUpstream other = others.get(Integer.parseInt(request.getParam("port")));
                boolean up = Boolean.parseBoolean(request.getParam("up"));
                vertx.executeBlocking(() -> {
                    if (up) {
                        other.start();
                    } else {
                        other.stop();
                    }
                    return null;
                }, false).onComplete(done -> response.setStatusCode(done.succeeded() ? 204 : 500).end());
            }
            case "/__fake/ready" -> {
                readyStatus.set(Integer.parseInt(request.getParam("status")));
                response.setStatusCode(204).end();
            }
            default -> response.setStatusCode(404).end();
        }
    }

    private static long longHeader(HttpServerRequest request, String name, long otherwise) {
        String value = request.getHeader(name);
        return value == null ? otherwise : Long.parseLong(value);
    }
}
