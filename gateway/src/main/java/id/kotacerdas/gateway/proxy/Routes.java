package id.kotacerdas.gateway.proxy;

import id.kotacerdas.gateway.config.GatewayConfig;
import id.kotacerdas.gateway.config.GatewayConfig.RouteConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The route table built from {@link GatewayConfig}: for each route an HTTP client with its own bounded pool, and a
 * circuit breaker that closes early when its upstream is ready again ({@link BreakerRecovery}). A path goes to the
 * route with the longest matching prefix.
 */
@Startup // a wrong route fails the start, not the first request
@ApplicationScoped
public class Routes {

    private static final Logger LOG = Logger.getLogger(Routes.class);

    @Inject
    GatewayConfig config;
    @Inject
    Vertx vertx;

    private List<Route> routes = List.of();

    @PostConstruct
    void build() {
        List<Route> built = new ArrayList<>();
        for (Map.Entry<String, RouteConfig> e : config.routes().entrySet()) {
            String name = e.getKey();
            RouteConfig route = e.getValue();
            if (route.pathPrefixes().isEmpty()) {
                throw new IllegalArgumentException("gateway.routes." + name + ".path-prefixes is empty");
            }
            long maxBody = route.maxRequestBodySize().orElse(config.maxRequestBodySize()).asLongValue();
            String breakerName = "gateway-route-" + name;
            BreakerRecovery recovery = new BreakerRecovery(vertx.getOrCreateContext(), breakerName,
                    route.circuitBreaker().recoveryProbeInterval().toMillis());
            Instances instances = new Instances(name, route.upstream().stream().map(url -> new Instance(name, url)).toList(),
                    vertx);
            Route runtime = new Route(name, route, maxBody, client(name, route), breaker(route, breakerName, recovery),
                    breakerName, instances);
            runtime.responseHeaders(new ResponseHeaders(runtime, config.publicUrl()));
            recovery.attach(runtime);
            built.add(runtime);
            LOG.infof("Route %s: %s -> %s (pool %d, wait queue %d, timeout %s)", name, route.pathPrefixes(),
                    route.upstream(), route.pool().maxSize(), route.pool().maxWaitQueueSize(), route.timeout());
        }
        built.sort(Comparator.comparing(Route::name));
        routes = Collections.unmodifiableList(built);
    }

    private HttpClient client(String name, RouteConfig config) {
        boolean ssl = config.upstream().stream().anyMatch(url -> "https".equalsIgnoreCase(url.getScheme()));
        HttpClientOptions options = new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setSsl(ssl)
                .setKeepAlive(true)
                .setPipelining(false)
                .setConnectTimeout((int) config.pool().connectTimeout().toMillis())
                // An unused pooled connection is closed after this; a request on the wire is bounded by the
                // route's timeout and per-request idle timeout (ProxyHandler), not by a connection idle timeout.
                // Vert.x keeps one pool of this size per instance (server address).
                .setKeepAliveTimeout((int) Math.max(1, config.pool().keepAliveTimeout().toSeconds()))
                .setDecompressionSupported(false)
                .setTryUseCompression(false)
                .setName("gateway-" + name);
        PoolOptions pool = new PoolOptions()
                .setHttp1MaxSize(config.pool().maxSize())
                .setMaxWaitQueueSize(config.pool().maxWaitQueueSize())
                .setCleanerPeriod(1000);
        return vertx.createHttpClient(options, pool);
    }

    /** Failures that do not count for the breaker (see below). */
    private static final List<Class<? extends ProxyFailure>> SKIPPED = List.of(ProxyFailure.ClientGone.class,
            ProxyFailure.PoolBusy.class, ProxyFailure.NoConnection.class, ProxyFailure.TooLarge.class);

    private static Guard breaker(RouteConfig route, String name, BreakerRecovery recovery) {
        GatewayConfig.CircuitBreakerConfig cb = route.circuitBreaker();
        if (!cb.enabled()) {
            return null;
        }
        return Guard.create()
                .withDescription(name)
                .withCircuitBreaker()
                .name(name)
                .requestVolumeThreshold(cb.requestVolumeThreshold())
                .failureRatio(cb.failureRatio())
                .delay(cb.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(cb.successThreshold())
                // Only what says "the upstream is unwell" counts (refused or broken connections, connect and
                // response timeouts, 5xx answers); a caller who gave up, an oversized body and the
                // gateway's own pool saturation (queue full, no connection free in time) do not: that is load
                // shedding, answered 503 per request, not a reason to cut everybody off.
                // (`when` rather than skipOn: the failures that say "the upstream is down" are also told to its recovery)
                .when(failure -> {
                    if (SKIPPED.stream().anyMatch(skipped -> skipped.isInstance(failure))) {
                        return false;
                    }
                    recovery.failed(failure);
                    return true;
                })
                .onStateChange(state -> {
                    LOG.warnf("Circuit breaker %s is now %s", name, state);
                    recovery.stateChanged(state);
                })
                .done()
                .withThreadOffload(false)
                .build();
    }

    /** The route for a request path (longest prefix wins), if any. */
    public Optional<Route> match(String path) {
        Route best = null;
        int bestLength = -1;
        for (Route route : routes) {
            int length = route.match(path);
            if (length > bestLength) {
                best = route;
                bestLength = length;
            }
        }
        return Optional.ofNullable(best);
    }

    public Optional<Route> byName(String name) {
        return routes.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** All routes, sorted by name. */
    public List<Route> all() {
        return routes;
    }

    public CircuitBreakerState breakerState(Route route) {
        return route.breaker() == null ? CircuitBreakerState.CLOSED
                : CircuitBreakerMaintenance.get().currentState(route.breakerName());
    }

    void close(@Observes ShutdownEvent event) {
        routes.forEach(r -> r.client().close());
    }
}
