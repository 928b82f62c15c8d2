package id.kotacerdas.gateway.proxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * What an operator asks of the gateway, on {@code /q/metrics} (per-route latency is Quarkus's own
 * {@code http_server_requests_seconds{uri=<route path template>}}):
 * <ul>
 * <li>{@code kotacerdas_gateway_upstream_errors_total{route, kind}}: requests a route's service did not answer well,
 * by kind: {@code 5xx} (the service's own 5xx answer, passed on), {@code unreachable} (502), {@code timeout} (504),
 * {@code breaker-open} and {@code busy} (503 without calling it);</li>
 * <li>{@code kotacerdas_gateway_breaker_open{route}}: 1 while the route's circuit breaker is open or half-open;</li>
 * <li>{@code kotacerdas_gateway_rate_limited_total{route}}: requests answered 429;</li>
 * <li>{@code kotacerdas_gateway_instance_up{route, instance}} (routes with several instances): 0 while the instance is
 * skipped because it refused connections, 1 otherwise.</li>
 * </ul>
 */
@ApplicationScoped
public class GatewayMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    Routes routes;

    void start(@Observes StartupEvent event) {
        for (Route route : routes.all()) {
            Gauge.builder("kotacerdas.gateway.breaker.open", route,
                    r -> routes.breakerState(r) == CircuitBreakerState.CLOSED ? 0 : 1)
                    .description("1 while the route's circuit breaker is open or half-open").tag("route", route.name())
                    .register(registry);
            if (route.instances().size() > 1) {
                for (Instance instance : route.instances()) {
                    Gauge.builder("kotacerdas.gateway.instance.up", instance, i -> i.up() ? 1 : 0)
                            .description("0 while the instance is skipped because it refused connections")
                            .tag("route", route.name()).tag("instance", instance.toString()).register(registry);
                }
            }
        }
    }

    void upstreamError(Route route, String kind) {
        Counter.builder("kotacerdas.gateway.upstream.errors").description("Requests a route's service did not answer well")
                .tag("route", route.name()).tag("kind", kind).register(registry).increment();
    }

    void rateLimited(Route route) {
        Counter.builder("kotacerdas.gateway.rate.limited").description("Requests answered 429 by the rate limit")
                .tag("route", route.name()).register(registry).increment();
    }
}
