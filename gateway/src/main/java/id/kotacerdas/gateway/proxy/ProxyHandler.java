package id.kotacerdas.gateway.proxy;

import id.kotacerdas.gateway.config.GatewayConfig;
import id.kotacerdas.gateway.security.RateLimiter;
import id.kotacerdas.gateway.security.VerifiedTokens;
import id.kotacerdas.platform.web.BearerTokens;
import id.kotacerdas.platform.web.Problem;
import id.kotacerdas.platform.web.Problems;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Forwards a request to its route's service on the Vert.x library proxy ({@code vertx-http-proxy}), which streams both
 * bodies through on the event loop without buffering and leaves out the hop-by-hop headers.
 * <p>
 * Before the proxy is called, the gateway answers itself: body size by {@code Content-Length} (413), token (401,
 * protected paths), rate limit (429). Around the proxy's call to the service, as its interceptors: the circuit breaker
 * (503) and the failure mapping (502/503/504) of {@link Exchange} ({@link ExchangeFailures}); the response-head
 * time-out and the one retry of {@link Attempts}; the streamed body limit (413) of {@link RequestBody}; the forwarded headers ({@link ForwardedHeaders}); the response headers and {@code Location}
 * rewriting ({@link ResponseHeaders}). The route's {@link Instances} choose the instance.
 * <p>
 * Every exchange ends in exactly one of two ways for the upstream connection: the upstream response is read to its
 * end (the connection goes back to the pool) or the upstream request is reset (the connection is closed). A caller
 * that goes away at any point (waiting for auth, waiting for a pooled connection, sending its body, reading the
 * response) resets the upstream request, so no pooled connection is left busy with nobody to finish it.
 */
@ApplicationScoped
public class ProxyHandler {

    /** Where Quarkus's HTTP metrics look for the path template of a request (as Quarkus REST sets it). */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /** {@link ProxyContext} attachments: the exchange, and the gateway's own answer ({@link Problem}), if any. */
    static final String EXCHANGE = "kotacerdas.exchange";
    static final String GATEWAY_ANSWER = "kotacerdas.gateway-answer";
    private static final ProxyOptions PROXY_OPTIONS = new ProxyOptions().setSupportWebSocket(false);

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
        start(new Exchange(ctx, route.get(), path, route.get().isPublic(path), true, vertx, metrics));
    }

    /** Forwards to {@code upstreamPath} on the route without token check or rate limit (per-service API documents). */
    public void forwardPublic(RoutingContext ctx, Route route, String upstreamPath) {
        start(new Exchange(ctx, route, upstreamPath, true, false, vertx, metrics));
    }

    /**
     * The checks before the proxy, in order: body size by {@code Content-Length}, token (protected paths), rate limit;
     * then the library proxy for this exchange.
     */
    private void start(Exchange x) {
        x.watchCaller();
        String contentLength = x.in.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (contentLength != null) {
            long length;
            try {
                length = Long.parseLong(contentLength.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length < 0) {
                Problems.send(x.ctx, 400, "bad-request", "Bad request", "Content-Length is not a number.");
                return;
            }
            if (length > x.route.maxRequestBodySize()) {
                Problems.send(x.ctx, 413, "payload-too-large", "Payload too large",
                        "The request body exceeds " + x.route.maxRequestBodySize() + " bytes.");
                return;
            }
        }
        if (x.isPublic) {
            limitAndForward(x, "address:" + x.clientAddress());
            return;
        }
        String token = BearerTokens.fromAuthorization(x.in.getHeader(HttpHeaders.AUTHORIZATION));
        String verifiedSubject = token == null ? null : verifiedTokens.subject(token);
        if (verifiedSubject != null) {
            limitAndForward(x, "subject:" + verifiedSubject);
            return;
        }
        // The failure is answered here (401 problem+json), not by Quarkus's default challenge.
        x.ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (c, failure) -> {
        });
        QuarkusHttpUser.getSecurityIdentity(x.ctx, null).subscribe().with(
                identity -> x.onContext(() -> authenticated(x, identity, token)),
                failure -> x.onContext(() -> unauthorized(x, true)));
    }

    private void authenticated(Exchange x, SecurityIdentity identity, String token) {
        if (x.clientGone) {
            return;
        }
        if (identity == null || identity.isAnonymous()) {
            unauthorized(x, false);
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
        limitAndForward(x, "subject:" + subject);
    }

    private static void unauthorized(Exchange x, boolean badToken) {
        if (x.clientGone) {
            return;
        }
        x.out.putHeader("WWW-Authenticate", badToken
                ? "Bearer realm=\"kotacerdas\", error=\"invalid_token\""
                : "Bearer realm=\"kotacerdas\"");
        Problems.send(x.ctx, 401, "unauthorized", "Unauthorized", badToken
                ? "The bearer token is invalid or expired; get a new one from the kotacerdas realm."
                : "A bearer token from the kotacerdas realm is required.");
    }

    private void limitAndForward(Exchange x, String caller) {
        if (x.clientGone) {
            return;
        }
        Route route = x.route;
        RateLimiter.Decision limit = x.rateLimited ? rateLimiter.decide(route, caller) : RateLimiter.Decision.UNLIMITED;
        if (limit.limited()) {
            // what is left of the caller's limit, on every answer of a limited route (kept over the upstream's)
            x.out.putHeader("RateLimit-Policy", limit.policy());
            x.out.putHeader("RateLimit", limit.remaining());
        }
        if (!limit.allowed()) {
            long retryAfter = limit.retryAfterSeconds();
            metrics.rateLimited(route);
            x.out.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            Problems.send(x.ctx, 429, "too-many-requests", "Too many requests",
                    "The rate limit of route " + route.name() + " is exhausted; retry in " + retryAfter + " s.");
            return;
        }
        HttpProxy.reverseProxy(PROXY_OPTIONS, route.client())
                .origin(route.origins())
                .addInterceptor(x)
                .addInterceptor(ForwardedHeaders.INSTANCE)
                .addInterceptor(route.responseHeaders())
                .addInterceptor(new Attempts(x, x.bodyless && SAFE_METHODS.contains(x.in.method()) ? 1 : 0))
                .handle(x.in);
    }
}
