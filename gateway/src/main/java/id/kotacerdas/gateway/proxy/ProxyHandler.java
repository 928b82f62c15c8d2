package id.kotacerdas.gateway.proxy;

import id.kotacerdas.gateway.config.GatewayConfig;
import id.kotacerdas.gateway.security.RateLimiter;
import id.kotacerdas.gateway.security.VerifiedTokens;
import id.kotacerdas.platform.web.BearerTokens;
import id.kotacerdas.platform.web.Problem;
import id.kotacerdas.platform.web.Problems;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.faulttolerance.api.Guard;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Forwards a request to its route's service on the Vert.x library proxy ({@code vertx-http-proxy}), which streams both
 * bodies through on the event loop without buffering and leaves out the hop-by-hop headers.
 * <p>
 * Before the proxy is called, the gateway answers itself: body size by {@code Content-Length} (413), token (401,
 * protected paths), rate limit (429). Around the proxy's call to the service, as its interceptors: the circuit breaker
 * (503), the request's time-outs, the streamed body limit (413) and the failure mapping (502/503/504) of
 * {@link Exchange}; the forwarded headers ({@link ForwardedHeaders}); the response headers and {@code Location}
 * rewriting ({@link ResponseHeaders}). The route's {@link Instances} choose the instance.
 * <p>
 * Every exchange ends in exactly one of two ways for the upstream connection: the upstream response is read to its
 * end (the connection goes back to the pool) or the upstream request is reset (the connection is closed). A caller
 * that goes away at any point (waiting for auth, waiting for a pooled connection, sending its body, reading the
 * response) resets the upstream request, so no pooled connection is left busy with nobody to finish it.
 */
@ApplicationScoped
public class ProxyHandler {

    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);

    /** Where Quarkus's HTTP metrics look for the path template of a request (as Quarkus REST sets it). */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /** {@link ProxyContext} attachments: the exchange, and the gateway's own answer ({@link Problem}), if any. */
    static final String EXCHANGE = "kotacerdas.exchange";
    static final String GATEWAY_ANSWER = "kotacerdas.gateway-answer";
    private static final ProxyOptions PROXY_OPTIONS = new ProxyOptions().setSupportWebSocket(false);
    private static final TypeLiteral<CompletionStage<ProxyResponse>> RESPONSE_STAGE = new TypeLiteral<>() {
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

    /**
     * One forwarded request: the checks before the proxy, then the proxy's outermost interceptor (breaker and failure
     * mapping) and its innermost (time-out, one retry of a bodyless safe request on a connection the service had
     * closed). Its state lives on the request's Vert.x context.
     */
    final class Exchange implements ProxyInterceptor {
        private final RoutingContext ctx;
        private final Route route;
        private final String path;
        private final boolean isPublic;
        private final boolean rateLimited;
        private final HttpServerRequest in;
        private final HttpServerResponse out;
        private final Context context;
        private final boolean bodyless;

        private HttpClientRequest upstreamRequest;
        private long timer = -1;
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
            this.bodyless = !Problems.hasBody(in) && in.version() != HttpVersion.HTTP_2;
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
            String token = BearerTokens.fromAuthorization(in.getHeader(HttpHeaders.AUTHORIZATION));
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
            HttpProxy.reverseProxy(PROXY_OPTIONS, route.client())
                    .origin(route.origins())
                    .addInterceptor(this)
                    .addInterceptor(ForwardedHeaders.INSTANCE)
                    .addInterceptor(route.responseHeaders())
                    .addInterceptor(new Attempts(bodyless && SAFE_METHODS.contains(in.method()) ? 1 : 0))
                    .handle(in);
        }

        // ------------------------------------------------------------------ outermost interceptor

        /** The call to the service through the breaker; any failure becomes the problem the caller gets. */
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext proxy) {
            proxy.set(EXCHANGE, this);
            proxy.request().setURI(upstreamUri());
            if (bodyless) {
                // nothing to forward; let the request's end arrive so that it counts as fully read
                proxy.request().setBody(null);
                in.handler(chunk -> {
                });
                in.endHandler(v -> {
                });
                in.resume();
            } else {
                String length = in.getHeader(HttpHeaders.CONTENT_LENGTH);
                proxy.request().setBody(Body.body(new RequestBody(), length == null ? -1 : Long.parseLong(length.trim())));
            }
            Promise<ProxyResponse> answer = Promise.promise();
            CompletionStage<ProxyResponse> stage;
            Guard breaker = route.breaker();
            try {
                stage = breaker == null ? call(proxy) : breaker.get(() -> call(proxy), RESPONSE_STAGE);
            } catch (RuntimeException e) {
                stage = CompletableFuture.failedStage(e);
            }
            stage.whenComplete((response, error) -> onContext(() -> answer.complete(error == null ? response
                    : failed(proxy, error))));
            return answer.future();
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext proxy) {
            Problem problem = proxy.get(GATEWAY_ANSWER, Problem.class);
            if (problem != null) {
                // the gateway's own answer: written as every other problem (a caller gone by now gets nothing)
                finished = true;
                Problems.send(ctx, problem);
                return Future.succeededFuture();
            }
            return proxy.sendResponse().andThen(done -> finished = true);
        }

        /** A {@code 5xx} answer is a failure for the breaker, but still goes to the caller. */
        private CompletionStage<ProxyResponse> call(ProxyContext proxy) {
            return proxy.sendRequest().transform(sent -> {
                if (sent.failed()) {
                    return Future.<ProxyResponse>failedFuture(exchangeFailure(sent.cause()));
                }
                ProxyResponse response = sent.result();
                return response.getStatusCode() >= 500
                        ? Future.<ProxyResponse>failedFuture(new ProxyFailure.UpstreamUnavailable(response))
                        : Future.succeededFuture(response);
            }).toCompletionStage();
        }

        /** The request target at the service, before the instance's base path. */
        String upstreamUri() {
            String query = in.query();
            return path + (query == null ? "" : "?" + query);
        }

        // ------------------------------------------------------------------ what the origin selector tells

        /** A pooled connection to an instance was obtained for this exchange. */
        Future<HttpClientRequest> connected(HttpClientRequest request) {
            request.exceptionHandler(error -> {
                // reported through the response future
            });
            if (clientGone) {
                // the caller left while waiting for a connection: give it back unused
                request.reset(0, new ProxyFailure.ClientGone());
                return Future.failedFuture(new ProxyFailure.ClientGone());
            }
            upstreamRequest = request;
            if (bodyless) {
                startTimer(request); // the library ends the request at once
            } else if (in.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true) && !in.isEnded()) {
                out.writeContinue();
            }
            return Future.succeededFuture(request);
        }

        boolean callerGone() {
            return clientGone;
        }

        ProxyFailure connectFailure(Throwable error) {
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

        // ------------------------------------------------------------------ innermost interceptor

        /**
         * The request to the service. A request without body of a safe method is tried once more when the pooled
         * connection turned out closed before any answer (a service closing an idle keep-alive connection just as it
         * is reused).
         */
        private final class Attempts implements ProxyInterceptor {
            private int retries;

            Attempts(int retries) {
                this.retries = retries;
            }

            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext proxy) {
                return proxy.sendRequest().transform(answered -> {
                    cancelTimer();
                    if (answered.succeeded()) {
                        return Future.succeededFuture(answered.result());
                    }
                    if (retries > 0 && !clientGone && !timedOut && answered.cause() instanceof HttpClosedException) {
                        retries--;
                        LOG.debugf("Upstream %s closed a pooled connection before answering %s %s; trying again",
                                route.name(), in.method(), path);
                        upstreamRequest = null;
                        return handleProxyRequest(proxy);
                    }
                    return Future.failedFuture(answered.cause());
                });
            }
        }

        /** The caller's body as the proxy reads it: counted against the route's limit; the time-out starts at its end. */
        private final class RequestBody implements ReadStream<Buffer> {
            private Handler<Buffer> handler;
            private Handler<Void> endHandler;
            private Handler<Throwable> exceptionHandler;
            private long received;

            RequestBody() {
                // an HTTP/2 request need not say whether a body follows: chunk it once data comes, so that a GET without
                // body is not forwarded with a transfer coding (a body without Content-Type, which the services refuse)
                boolean chunkOnData = !in.headers().contains(HttpHeaders.CONTENT_LENGTH)
                        && !in.headers().contains(HttpHeaders.TRANSFER_ENCODING);
                in.handler(chunk -> {
                    if (tooLarge || clientGone) {
                        return;
                    }
                    received += chunk.length();
                    if (received > route.maxRequestBodySize()) {
                        tooLarge = true;
                        if (upstreamRequest != null) {
                            upstreamRequest.reset(0, new ProxyFailure.TooLarge());
                        }
                        return;
                    }
                    if (chunk.length() == 0 || handler == null) {
                        return;
                    }
                    if (chunkOnData && upstreamRequest != null && !upstreamRequest.isChunked()) {
                        upstreamRequest.setChunked(true);
                    }
                    handler.handle(chunk);
                });
                in.endHandler(v -> {
                    if (tooLarge || clientGone) {
                        return;
                    }
                    if (endHandler != null) {
                        endHandler.handle(null);
                    }
                    if (upstreamRequest != null) {
                        startTimer(upstreamRequest);
                    }
                });
                in.exceptionHandler(error -> {
                    clientGone();
                    if (exceptionHandler != null) {
                        exceptionHandler.handle(error);
                    }
                });
            }

            @Override
            public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
                this.exceptionHandler = handler;
                return this;
            }

            @Override
            public ReadStream<Buffer> handler(Handler<Buffer> handler) {
                this.handler = handler;
                return this;
            }

            @Override
            public ReadStream<Buffer> pause() {
                in.pause();
                return this;
            }

            @Override
            public ReadStream<Buffer> resume() {
                if (!clientGone) {
                    in.resume();
                }
                return this;
            }

            @Override
            public ReadStream<Buffer> fetch(long amount) {
                in.fetch(amount);
                return this;
            }

            @Override
            public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
                this.endHandler = endHandler;
                return this;
            }
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

        // ------------------------------------------------------------------ failures

        /** The answer for a failed call: the service's own 5xx, else the gateway's problem. */
        private ProxyResponse failed(ProxyContext proxy, Throwable error) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof ProxyFailure.UpstreamUnavailable unavailable) {
                metrics.upstreamError(route, "5xx");
                return unavailable.response();
            }
            cancelTimer();
            if (clientGone || cause instanceof ProxyFailure.ClientGone) {
                resetUpstream();
                return problem(proxy, 502, "bad-gateway", "Bad gateway", "The client went away."); // nobody reads it
            }
            String service = route.name();
            ProxyResponse answer;
            if (cause instanceof CircuitBreakerOpenException) {
                metrics.upstreamError(route, "breaker-open");
                long delay = Math.max(1, route.config().circuitBreaker().delay().toSeconds());
                out.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(delay));
                answer = problem(proxy, 503, "service-unavailable", "Service unavailable",
                        "Service " + service + " is failing; the gateway stopped calling it for a while.");
            } else if (cause instanceof ProxyFailure.PoolBusy || cause instanceof ProxyFailure.NoConnection) {
                metrics.upstreamError(route, "busy");
                out.putHeader(HttpHeaders.RETRY_AFTER, "1");
                answer = problem(proxy, 503, "service-unavailable", "Service unavailable",
                        "Service " + service + " is busy: no connection to it was free in time.");
            } else if (cause instanceof ProxyFailure.TimedOut || cause instanceof ProxyFailure.ConnectTimedOut) {
                metrics.upstreamError(route, "timeout");
                answer = problem(proxy, 504, "gateway-timeout", "Gateway timeout", cause instanceof ProxyFailure.TimedOut
                        ? "Service " + service + " did not answer within " + route.config().timeout().toMillis() + " ms."
                        : "Service " + service + " did not accept a connection in time.");
            } else if (cause instanceof ProxyFailure.TooLarge) {
                answer = problem(proxy, 413, "payload-too-large", "Payload too large",
                        "The request body exceeds " + route.maxRequestBodySize() + " bytes.");
            } else {
                metrics.upstreamError(route, "unreachable");
                answer = problem(proxy, 502, "bad-gateway", "Bad gateway", "Service " + service + " could not be reached.");
            }
            if (cause instanceof ProxyFailure.PoolBusy || cause instanceof ProxyFailure.NoConnection
                    || cause instanceof CircuitBreakerOpenException) {
                // shedding under load: one line per refused request would add to the load
                LOG.debugf("%s %s -> %s: %s", in.method(), path, service, cause.getMessage());
            } else {
                LOG.infof("%s %s -> %s: %s", in.method(), path, service, cause.getMessage());
            }
            return answer;
        }

        /**
         * The gateway's own problem+json answer. The proxy gets a stand-in response, and the outermost interceptor writes
         * the problem ({@link Problems#send}: also closes a connection whose body was not read).
         */
        private ProxyResponse problem(ProxyContext proxy, int status, String slug, String title, String detail) {
            proxy.set(GATEWAY_ANSWER, Problems.of(in, status, slug, title, detail, List.of()));
            return proxy.request().response().setStatusCode(status);
        }

        private void payloadTooLarge() {
            Problems.send(ctx, 413, "payload-too-large", "Payload too large",
                    "The request body exceeds " + route.maxRequestBodySize() + " bytes.");
        }

        private ProxyFailure exchangeFailure(Throwable error) {
            if (error instanceof ProxyFailure failure) {
                return failure;
            }
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

        private String clientAddress() {
            return in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress();
        }
    }
}
