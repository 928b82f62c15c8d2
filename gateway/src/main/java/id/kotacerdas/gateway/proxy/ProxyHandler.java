package id.kotacerdas.gateway.proxy;

import id.kotacerdas.gateway.config.GatewayConfig;
import id.kotacerdas.gateway.security.RateLimiter;
import id.kotacerdas.gateway.security.VerifiedTokens;
import id.kotacerdas.platform.web.BearerTokens;
import id.kotacerdas.platform.web.Problems;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.faulttolerance.api.Guard;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Forwards a request to its route's upstream and streams both bodies through, on the event loop, without buffering.
 * <p>
 * Order of checks, each answered by the gateway itself before any upstream is called: body size by
 * {@code Content-Length} (413), token (401, protected paths), rate limit (429), circuit breaker (503); then the
 * upstream call with its pool wait, timeout and failure mapping (502/503/504).
 * <p>
 * Every exchange ends in exactly one of two ways for the upstream connection: the upstream response is read to its
 * end (the connection goes back to the pool) or the upstream request is reset (the connection is closed). A caller
 * that goes away at any point (waiting for auth, waiting for a pooled connection, sending its body, reading the
 * response) resets the upstream request, so no pooled connection is left busy with nobody to finish it.
 */
@ApplicationScoped
public class ProxyHandler {

    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);

    /** Hop-by-hop headers (RFC 9110 7.6.1) and ones the gateway sets itself; never copied across. */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
            "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");
    /** Where Quarkus's HTTP metrics look for the path template of a request (as Quarkus REST sets it). */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final TypeLiteral<CompletionStage<HttpClientResponse>> RESPONSE_STAGE = new TypeLiteral<>() {
    };

    @Inject
    Routes routes;
    @Inject
    RateLimiter rateLimiter;
    @Inject
    GatewayMetrics metrics;
    @Inject
    VerifiedTokens verifiedTokens;
    @Inject
    GatewayConfig config;
    @Inject
    Vertx vertx;

    /** Handles a request whose path belongs to a route; passes any other on. */
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        Optional<Route> route = routes.match(path);
        if (route.isEmpty()) {
            ctx.next();
            return;
        }
        // the metrics' uri tag: the route's prefix, not every id under it
        Context context = Vertx.currentContext();
        if (context != null) {
            context.putLocal(URL_PATH_TEMPLATE, route.get().template(path));
        }
        new Exchange(ctx, route.get(), path, route.get().isPublic(path), true).start();
    }

    /** Forwards to {@code upstreamPath} on the route without token check or rate limit (per-service API documents). */
    public void forwardPublic(RoutingContext ctx, Route route, String upstreamPath) {
        new Exchange(ctx, route, upstreamPath, true, false).start();
    }

    private final class Exchange {
        private final RoutingContext ctx;
        private final Route route;
        private final String path;
        private final boolean isPublic;
        private final boolean rateLimited;
        private final HttpServerRequest in;
        private final HttpServerResponse out;
        private final Context context;

        private HttpClientRequest upstreamRequest;
        private long timer = -1;
        private long received;
        private boolean clientGone;
        private boolean finished;
        private boolean timedOut;
        private boolean tooLarge;

        Exchange(RoutingContext ctx, Route route, String path, boolean isPublic, boolean rateLimited) {
            this.ctx = ctx;
            this.route = route;
            this.path = path;
            this.isPublic = isPublic;
            this.rateLimited = rateLimited;
            this.in = ctx.request();
            this.out = ctx.response();
            this.context = vertx.getOrCreateContext();
        }

        void start() {
            in.pause();
            ctx.addEndHandler(done -> {
                if (done.failed()) {
                    clientGone();
                }
            });
            in.exceptionHandler(error -> clientGone());

            String contentLength = in.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (contentLength != null) {
                long length;
                try {
                    length = Long.parseLong(contentLength.trim());
                } catch (NumberFormatException e) {
                    length = -1;
                }
                if (length < 0) {
                    Problems.send(ctx, 400, "bad-request", "Bad request", "Content-Length is not a number.");
                    return;
                }
                if (length > route.maxRequestBodySize()) {
                    payloadTooLarge();
                    return;
                }
            }
            if (isPublic) {
                limitAndForward("address:" + clientAddress());
                return;
            }
            String token = bearerToken();
            String verifiedSubject = token == null ? null : verifiedTokens.subject(token);
            if (verifiedSubject != null) {
                limitAndForward("subject:" + verifiedSubject);
                return;
            }
            // The failure is answered here (401 problem+json), not by Quarkus's default challenge.
            ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (c, failure) -> {
            });
            QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(
                    identity -> onContext(() -> authenticated(identity, token)),
                    failure -> onContext(() -> unauthorized(true)));
        }

        private void authenticated(SecurityIdentity identity, String token) {
            if (clientGone) {
                return;
            }
            if (identity == null || identity.isAnonymous()) {
                unauthorized(false);
                return;
            }
            String subject;
            if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
                subject = jwt.getSubject();
                if (token != null && token.equals(jwt.getRawToken())) {
                    verifiedTokens.remember(token, subject, jwt.getExpirationTime());
                }
            } else {
                subject = identity.getPrincipal().getName();
            }
            limitAndForward("subject:" + subject);
        }

        private void unauthorized(boolean badToken) {
            if (clientGone) {
                return;
            }
            out.putHeader("WWW-Authenticate", badToken
                    ? "Bearer realm=\"kotacerdas\", error=\"invalid_token\""
                    : "Bearer realm=\"kotacerdas\"");
            Problems.send(ctx, 401, "unauthorized", "Unauthorized", badToken
                    ? "The bearer token is invalid or expired; get a new one from the kotacerdas realm."
                    : "A bearer token from the kotacerdas realm is required.");
        }

        private void limitAndForward(String caller) {
            if (clientGone) {
                return;
            }
            RateLimiter.Decision limit = rateLimited ? rateLimiter.decide(route, caller) : RateLimiter.Decision.UNLIMITED;
            if (limit.limited()) {
                // what is left of the caller's limit, on every answer of a limited route (kept over the upstream's)
                out.putHeader("RateLimit-Policy", limit.policy());
                out.putHeader("RateLimit", limit.remaining());
            }
            if (!limit.allowed()) {
                long retryAfter = limit.retryAfterSeconds();
                metrics.rateLimited(route);
                out.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                Problems.send(ctx, 429, "too-many-requests", "Too many requests",
                        "The rate limit of route " + route.name() + " is exhausted; retry in " + retryAfter + " s.");
                return;
            }
            forward();
        }

        private void forward() {
            CompletionStage<HttpClientResponse> stage;
            Guard breaker = route.breaker();
            try {
                stage = breaker == null ? send() : breaker.get(this::send, RESPONSE_STAGE);
            } catch (RuntimeException e) {
                failed(e);
                return;
            }
            stage.whenComplete((response, error) -> onContext(() -> {
                if (error == null) {
                    respond(response);
                } else {
                    failed(error);
                }
            }));
        }

        /** Gets a pooled connection, sends head and body, completes with the response head (paused). */
        private CompletionStage<HttpClientResponse> send() {
            Promise<HttpClientResponse> result = Promise.promise();
            boolean bodyless = !Problems.hasBody(in) && in.version() != HttpVersion.HTTP_2;
            if (bodyless) {
                // nothing to forward; let the request's end arrive so that it counts as fully read
                in.handler(chunk -> {
                });
                in.endHandler(v -> {
                });
                in.resume();
            }
            attempt(result, bodyless, bodyless && SAFE_METHODS.contains(in.method()) ? 1 : 0);
            return result.future().toCompletionStage();
        }

        /**
         * One try. A request without body of a safe method is tried once more when the pooled connection turned out
         * closed before any answer (an upstream closing an idle keep-alive connection just as it is reused).
         */
        private void attempt(Promise<HttpClientResponse> result, boolean bodyless, int retries) {
            if (clientGone) {
                result.fail(new ProxyFailure.ClientGone());
                return;
            }
            String query = in.query();
            RequestOptions options = new RequestOptions()
                    .setMethod(in.method())
                    .setHost(route.host())
                    .setPort(route.port())
                    .setSsl(route.ssl())
                    .setURI(route.basePath() + path + (query == null ? "" : "?" + query))
                    .setHeaders(requestHeaders())
                    // bounds the wait for a pooled connection, including opening one
                    .setConnectTimeout(route.config().pool().waitTimeout().toMillis())
                    .setIdleTimeout(route.config().idleTimeout().toMillis());
            route.client().request(options).onComplete(obtained -> {
                if (obtained.failed()) {
                    result.fail(connectFailure(obtained.cause()));
                    return;
                }
                HttpClientRequest request = obtained.result();
                request.exceptionHandler(error -> {
                    // reported through response() below
                });
                if (clientGone) {
                    // the caller left while waiting for a connection: give it back unused
                    request.reset(0, new ProxyFailure.ClientGone());
                    result.fail(new ProxyFailure.ClientGone());
                    return;
                }
                upstreamRequest = request;
                request.response().onComplete(answered -> {
                    cancelTimer();
                    if (answered.succeeded()) {
                        HttpClientResponse response = answered.result();
                        response.pause();
                        response.exceptionHandler(error -> {
                            // until respond() takes over, a failure here only matters as a reset by clientGone()
                        });
                        int status = response.statusCode();
                        if (status >= 500) {
                            // a failure for the breaker; the caller still gets the service's own answer
                            result.fail(new ProxyFailure.UpstreamUnavailable(response));
                        } else {
                            result.complete(response);
                        }
                    } else if (retries > 0 && !clientGone && !timedOut && answered.cause() instanceof HttpClosedException) {
                        LOG.debugf("Upstream %s closed a pooled connection before answering %s %s; trying again",
                                route.name(), in.method(), path);
                        upstreamRequest = null;
                        attempt(result, bodyless, retries - 1);
                    } else {
                        result.fail(exchangeFailure(answered.cause()));
                    }
                });
                if (bodyless) {
                    request.end();
                    startTimer(request);
                } else {
                    sendBody(request);
                }
            });
        }

        private void sendBody(HttpClientRequest request) {
            boolean unsized = !in.headers().contains(HttpHeaders.CONTENT_LENGTH);
            if (unsized && in.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                request.setChunked(true);
            }
            // an HTTP/2 request need not say whether a body follows: chunk it once data comes, so that a GET without
            // body is not forwarded with a transfer coding (a body without Content-Type, which the services refuse)
            boolean chunkOnData = unsized && !request.isChunked() && in.version() == HttpVersion.HTTP_2;
            if (in.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true) && !in.isEnded()) {
                out.writeContinue();
            }
            in.handler(chunk -> {
                if (tooLarge || clientGone) {
                    return;
                }
                received += chunk.length();
                if (received > route.maxRequestBodySize()) {
                    tooLarge = true;
                    request.reset(0, new ProxyFailure.TooLarge());
                    return;
                }
                if (chunk.length() == 0) {
                    return;
                }
                if (chunkOnData && !request.isChunked()) {
                    request.setChunked(true);
                }
                request.write(chunk);
                if (request.writeQueueFull()) {
                    in.pause();
                    request.drainHandler(v -> {
                        if (!clientGone && !finished) {
                            in.resume();
                        }
                    });
                }
            });
            in.endHandler(v -> {
                if (!tooLarge && !clientGone) {
                    request.end();
                    startTimer(request);
                }
            });
            in.resume();
        }

        private void startTimer(HttpClientRequest request) {
            if (finished || clientGone || timer != -1) {
                return;
            }
            timer = vertx.setTimer(route.config().timeout().toMillis(), id -> {
                timer = -1;
                timedOut = true;
                request.reset(0, new TimeoutException("no response within " + route.config().timeout()));
            });
        }

        private void cancelTimer() {
            if (timer != -1) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
        }

        private void respond(HttpClientResponse response) {
            if (clientGone || out.closed() || out.ended()) {
                resetUpstream();
                return;
            }
            out.setStatusCode(response.statusCode());
            copyResponseHeaders(response);
            int status = response.statusCode();
            boolean bodyless = in.method() == HttpMethod.HEAD || status == 204 || status == 304 || status < 200;
            if (!bodyless && !response.headers().contains(HttpHeaders.CONTENT_LENGTH) && in.version() != HttpVersion.HTTP_1_0) {
                out.setChunked(true);
            }
            response.handler(chunk -> {
                if (clientGone) {
                    return;
                }
                out.write(chunk);
                if (out.writeQueueFull()) {
                    response.pause();
                    out.drainHandler(v -> {
                        if (!clientGone) {
                            response.resume();
                        }
                    });
                }
            });
            response.endHandler(v -> {
                finished = true;
                if (!clientGone) {
                    out.end();
                }
            });
            response.exceptionHandler(error -> {
                if (finished) {
                    return;
                }
                finished = true;
                LOG.debugf("Upstream %s broke off its response to %s: %s", route.name(), path, error);
                if (!out.headWritten()) {
                    out.headers().clear();
                    Problems.send(ctx, 502, "bad-gateway", "Bad gateway", "Service " + route.name() + " broke off its response.");
                } else {
                    out.reset(); // the caller must see a truncated response, not a complete-looking one
                }
            });
            response.resume();
        }

        private void failed(Throwable error) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof ProxyFailure.UpstreamUnavailable unavailable) {
                metrics.upstreamError(route, "5xx");
                respond(unavailable.response());
                return;
            }
            cancelTimer();
            if (clientGone || cause instanceof ProxyFailure.ClientGone) {
                resetUpstream();
                return;
            }
            String service = route.name();
            if (cause instanceof CircuitBreakerOpenException) {
                metrics.upstreamError(route, "breaker-open");
                long delay = Math.max(1, route.config().circuitBreaker().delay().toSeconds());
                out.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(delay));
                Problems.send(ctx, 503, "service-unavailable", "Service unavailable",
                        "Service " + service + " is failing; the gateway stopped calling it for a while.");
            } else if (cause instanceof ProxyFailure.PoolBusy || cause instanceof ProxyFailure.NoConnection) {
                metrics.upstreamError(route, "busy");
                out.putHeader(HttpHeaders.RETRY_AFTER, "1");
                Problems.send(ctx, 503, "service-unavailable", "Service unavailable",
                        "Service " + service + " is busy: no connection to it was free in time.");
            } else if (cause instanceof ProxyFailure.TimedOut || cause instanceof ProxyFailure.ConnectTimedOut) {
                metrics.upstreamError(route, "timeout");
                Problems.send(ctx, 504, "gateway-timeout", "Gateway timeout", cause instanceof ProxyFailure.TimedOut
                        ? "Service " + service + " did not answer within " + route.config().timeout().toMillis() + " ms."
                        : "Service " + service + " did not accept a connection in time.");
            } else if (cause instanceof ProxyFailure.TooLarge) {
                payloadTooLarge();
            } else {
                metrics.upstreamError(route, "unreachable");
                Problems.send(ctx, 502, "bad-gateway", "Bad gateway", "Service " + service + " could not be reached.");
            }
            if (cause instanceof ProxyFailure.PoolBusy || cause instanceof ProxyFailure.NoConnection
                    || cause instanceof CircuitBreakerOpenException) {
                // shedding under load: one line per refused request would add to the load
                LOG.debugf("%s %s -> %s: %s", in.method(), path, service, cause.getMessage());
            } else {
                LOG.infof("%s %s -> %s: %s", in.method(), path, service, cause.getMessage());
            }
        }

        private void payloadTooLarge() {
            Problems.send(ctx, 413, "payload-too-large", "Payload too large",
                    "The request body exceeds " + route.maxRequestBodySize() + " bytes.");
        }

        private ProxyFailure connectFailure(Throwable error) {
            if (clientGone) {
                return new ProxyFailure.ClientGone();
            }
            if (error instanceof ConnectionPoolTooBusyException) {
                return new ProxyFailure.PoolBusy(error);
            }
            if (error instanceof io.netty.channel.ConnectTimeoutException) {
                return new ProxyFailure.ConnectTimedOut(error);
            }
            if (error instanceof TimeoutException) {
                return new ProxyFailure.NoConnection(error);
            }
            return new ProxyFailure.Unreachable(error);
        }

        private ProxyFailure exchangeFailure(Throwable error) {
            if (clientGone) {
                return new ProxyFailure.ClientGone();
            }
            if (tooLarge) {
                return new ProxyFailure.TooLarge();
            }
            if (timedOut) {
                return new ProxyFailure.TimedOut();
            }
            return new ProxyFailure.Unreachable(error);
        }

        private void clientGone() {
            if (clientGone) {
                return;
            }
            clientGone = true;
            cancelTimer();
            if (!finished) {
                LOG.debugf("Client went away: %s %s", in.method(), path);
                resetUpstream();
            }
        }

        private void resetUpstream() {
            cancelTimer();
            if (upstreamRequest != null && !finished) {
                finished = true;
                upstreamRequest.reset(0, new ProxyFailure.ClientGone());
            }
        }

        private void onContext(Runnable action) {
            if (Vertx.currentContext() == context) {
                action.run();
            } else {
                context.runOnContext(v -> action.run());
            }
        }

        /** The token of an {@code Authorization: Bearer} header, else {@code null}. */
        private String bearerToken() {
            return BearerTokens.fromAuthorization(in.getHeader(HttpHeaders.AUTHORIZATION));
        }

        private String clientAddress() {
            return in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress();
        }

        private MultiMap requestHeaders() {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            Set<String> dropped = connectionTokens(in.headers());
            for (Map.Entry<String, String> header : in.headers()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (HOP_BY_HOP.contains(name) || dropped.contains(name) || name.equals("host") || name.equals("expect")
                        || name.startsWith(":")) {
                    continue;
                }
                headers.add(header.getKey(), header.getValue());
            }
            String forwardedFor = in.getHeader("X-Forwarded-For");
            String address = clientAddress();
            headers.set("X-Forwarded-For", forwardedFor == null ? address : forwardedFor + ", " + address);
            headers.set("X-Forwarded-Proto", in.scheme());
            HostAndPort authority = in.authority();
            if (authority != null) {
                headers.set("X-Forwarded-Host", hostAndPort(authority));
            }
            return headers;
        }

        private void copyResponseHeaders(HttpClientResponse response) {
            Set<String> ownedByGateway = new HashSet<>();
            out.headers().names().forEach(n -> ownedByGateway.add(n.toLowerCase(Locale.ROOT)));
            Set<String> dropped = connectionTokens(response.headers());
            for (Map.Entry<String, String> header : response.headers()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (HOP_BY_HOP.contains(name) || dropped.contains(name) || ownedByGateway.contains(name)
                        || name.startsWith("access-control-")) {
                    continue;
                }
                String value = header.getValue();
                if (name.equals("location") || name.equals("content-location")) {
                    value = rewriteLocation(value);
                }
                out.headers().add(header.getKey(), value);
            }
        }

        /** {@code http://upstream:8081/base/api/v1/x} becomes {@code <gateway origin>/api/v1/x}; anything else is kept. */
        private String rewriteLocation(String location) {
            String origin = route.upstreamOrigin();
            if (location.length() < origin.length() || !location.regionMatches(true, 0, origin, 0, origin.length())) {
                return location;
            }
            String rest = location.substring(origin.length());
            if (!rest.isEmpty() && rest.charAt(0) != '/' && rest.charAt(0) != '?') {
                return location; // http://localhost:80811/... is another host
            }
            if (!route.basePath().isEmpty() && rest.startsWith(route.basePath())) {
                rest = rest.substring(route.basePath().length());
            }
            return gatewayOrigin() + (rest.isEmpty() ? "/" : rest);
        }

        private String gatewayOrigin() {
            if (config.publicUrl().isPresent()) {
                String url = config.publicUrl().get().toString();
                return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            }
            HostAndPort authority = in.authority();
            return in.scheme() + "://" + (authority == null ? "localhost" : hostAndPort(authority));
        }
    }

    private static String hostAndPort(HostAndPort authority) {
        return authority.host() + (authority.port() > 0 ? ":" + authority.port() : "");
    }

    private static Set<String> connectionTokens(MultiMap headers) {
        Set<String> tokens = new HashSet<>();
        for (String value : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                tokens.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        return tokens;
    }
}
