package id.kotacerdas.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The gateway's routes and limits. A service is added by configuration alone:
 *
 * <pre>
 * gateway.routes.assessment.path-prefixes=/api/v1/assessments
 * gateway.routes.assessment.upstream=http://localhost:8082
 * </pre>
 *
 * Every other setting of a route has a default. {@code GATEWAY_ROUTES_ASSESSMENT_UPSTREAM} overrides the upstream of a
 * route that the properties file names.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The routes by name; the name appears in problems, health, the API document and metrics. */
    Map<String, RouteConfig> routes();

    /**
     * The largest request body forwarded; a larger one is answered {@code 413} (at once when {@code Content-Length}
     * says so, otherwise as soon as the streamed body passes the limit). A route may set a lower or higher one.
     */
    @WithDefault("10M")
    MemorySize maxRequestBodySize();

    /**
     * The gateway's public origin ({@code https://api.kotacerdas.id}); an upstream-absolute {@code Location} is
     * rewritten to it. Without it, the origin the caller used (scheme and {@code Host}) is taken.
     */
    Optional<URI> publicUrl();

    OpenApiConfig openapi();

    RateLimitSharing rateLimit();

    TokenCacheConfig tokenCache();

    interface RouteConfig {

        /** Path prefixes served by this route, matched on segment boundaries ({@code /api/v1/regions} matches {@code /api/v1/regions/18.72}, not {@code /api/v1/regionsx}). */
        List<String> pathPrefixes();

        /** Prefixes under {@link #pathPrefixes()} forwarded without a token (the service decides); none by default. */
        Optional<List<String>> publicPathPrefixes();

        /**
         * The service's instances: one URL, or several separated by commas
         * ({@code http://region-1:8081,http://region-2:8081}), each {@code http://host:port} optionally with a base path
         * that is put in front of the request path. Requests go to them in turn (round robin); an instance that refuses
         * a connection (or does not accept one within {@link PoolConfig#connectTimeout()}) is skipped, and the request
         * goes on to the next one, until it answers its readiness path again (asked every
         * {@link #instanceProbeInterval()}). {@link PoolConfig} applies per instance.
         */
        List<URI> upstream();

        /** How often an instance that refused connections is asked (its {@link #healthPath()}) whether it is back. */
        @WithDefault("1s")
        Duration instanceProbeInterval();

        /** Time from sending the request to the upstream's response headers; then {@code 504}. */
        @WithDefault("5s")
        Duration timeout();

        /** No byte in either direction for this long while a body streams: the exchange is cut. */
        @WithDefault("30s")
        Duration idleTimeout();

        /** Where the upstream serves its OpenAPI document. */
        @WithDefault("/q/openapi")
        String openapiPath();

        /**
         * Where the upstream serves its events' documents: {@code asyncapi.yaml} and {@code schemas/*.json} under it;
         * the gateway serves them at {@code /events/<route>/...}.
         */
        @WithDefault("/events")
        String eventsPath();

        /** Where the upstream answers readiness; the gateway's readiness reports it. */
        @WithDefault("/q/health/ready")
        String healthPath();

        /** Overrides {@link GatewayConfig#maxRequestBodySize()} for this route. */
        Optional<MemorySize> maxRequestBodySize();

        PoolConfig pool();

        CircuitBreakerConfig circuitBreaker();

        RateLimitConfig rateLimit();
    }

    /** The route's HTTP/1.1 connection pool to its upstream. */
    interface PoolConfig {

        /** Connections kept to the upstream; requests beyond wait in the queue. */
        @WithDefault("64")
        int maxSize();

        /** Requests that may wait for a connection; beyond, {@code 503} at once. */
        @WithDefault("256")
        int maxWaitQueueSize();

        /** Longest wait for a pooled connection; then {@code 503}. Keep it above {@link #connectTimeout()}. */
        @WithDefault("3s")
        Duration waitTimeout();

        /** TCP connect timeout; then {@code 504} (and a failure for the circuit breaker). */
        @WithDefault("1s")
        Duration connectTimeout();

        /** An unused pooled connection is closed after this long (keep it below the upstream's own idle timeout). */
        @WithDefault("20s")
        Duration keepAliveTimeout();
    }

    /**
     * SmallRye Fault Tolerance circuit breaker over connection failures, timeouts and upstream {@code 5xx} answers
     * (a service answering 500 to everything, or 503 because its database is down, is failing as surely as one that
     * refuses connections).
     */
    interface CircuitBreakerConfig {

        @WithDefault("true")
        boolean enabled();

        /** Size of the rolling window of calls the failure ratio is computed over. */
        @WithDefault("20")
        int requestVolumeThreshold();

        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before letting trial calls through. */
        @WithDefault("10s")
        Duration delay();

        /** Successful trial calls that close it again. */
        @WithDefault("2")
        int successThreshold();

        /**
         * While the breaker is open, the upstream's readiness ({@link RouteConfig#healthPath()}) is asked this often;
         * once it has answered "not ready" (or not at all) and then "ready" again, the breaker closes at once instead of
         * waiting out {@link #delay()}: a service back from an outage (its database restarted) gets traffic within
         * about this interval. A breaker opened while the upstream kept saying "ready" (failing requests, healthy
         * readiness) waits out its delay. {@code 0} turns the probing off.
         */
        @WithDefault("250ms")
        Duration recoveryProbeInterval();
    }

    /** Token bucket per caller (token subject, else client address): {@code requests} per {@code period}, up to {@code burst} at once. */
    interface RateLimitConfig {

        /** Requests per period; no limit when absent. */
        OptionalInt requests();

        @WithDefault("1m")
        Duration period();

        /** Bucket size; defaults to {@link #requests()}. */
        OptionalInt burst();
    }

    /**
     * How many gateway instances take the same callers' requests (processes sharing one port with
     * {@code SO_REUSEPORT}, or behind one front). The instances share no counter: each enforces {@code 1/instances} of
     * every route's limit, its burst and its refill, so that together they allow no more than the limit
     * ({@code RateShare}). Set it to the number of gateway instances running: {@code GATEWAY_RATE_LIMIT_INSTANCES=2}.
     */
    interface RateLimitSharing {

        @WithDefault("1")
        int instances();
    }

    /**
     * Bearer tokens already verified at the gateway, remembered by their exact text until they expire, so that a
     * caller's next requests skip the signature check ({@code VerifiedTokens}).
     */
    interface TokenCacheConfig {

        /** Tokens remembered at once (least recently used go first); 0 verifies every request in full. */
        @WithDefault("10000")
        int maxSize();

        /** Longest a token is remembered, even when its {@code exp} is later. */
        @WithDefault("5m")
        Duration maxAge();
    }

    interface OpenApiConfig {

        /** The merged document is rebuilt after this long; 0 rebuilds on every request. */
        @WithDefault("30s")
        Duration cacheTtl();

        /** Longest wait for one service's document; a service that does not answer in time is left out (and named). */
        @WithDefault("3s")
        Duration fetchTimeout();

        @WithDefault("Kota Cerdas API")
        String title();

        @WithDefault("1.0")
        String version();

        /**
         * The Keycloak realm as browsers reach it, for the OAuth2 security scheme (Swagger UI's Authorize button);
         * defaults to {@code quarkus.oidc.auth-server-url}.
         */
        @WithName("auth-server-url")
        Optional<URI> authServerUrl();
    }
}
