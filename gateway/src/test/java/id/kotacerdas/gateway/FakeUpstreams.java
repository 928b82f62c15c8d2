package id.kotacerdas.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * Three fake services (real HTTP servers in the test JVM) and a port where nothing listens, and the gateway routes to
 * them. Route names say what they are for:
 * <ul>
 * <li>{@code alpha} ({@code /api/v1/things}, {@code /api/v1/audit-entries}; public {@code /api/v1/things/public}) and
 * {@code beta} ({@code /api/v1/widgets}): ordinary routes, whose documents are merged;</li>
 * <li>{@code down}: upstream not listening; {@code slow}: 500 ms timeout; {@code fragile}: a circuit breaker that
 * opens after 4 calls with half of them failing, {@code brittle}: the same for the 500 tests; {@code recovering}
 * (on {@code gamma}, whose readiness a test switches): a breaker with a delay of a minute that only its early close
 * on readiness can shorten; {@code limited}: 3 requests per minute per caller; {@code burst}: a pool of 4
 * connections and a wait queue of 4, for the load tests; {@code pair}: two instances, {@code one} and {@code two},
 * which alpha stops and starts again on request.</li>
 * </ul>
 * Tests read the ports from {@code fake.alpha.port}, {@code fake.beta.port}, {@code fake.gamma.port},
 * {@code fake.one.port}, {@code fake.two.port}.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;
    private FakeUpstream alpha;
    private FakeUpstream beta;
    private FakeUpstream gamma;
    private FakeUpstream one;
    private FakeUpstream two;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        alpha = new FakeUpstream(vertx, "/fake/alpha-openapi.json");
        beta = new FakeUpstream(vertx, "/fake/beta-openapi.json");
        gamma = new FakeUpstream(vertx, "/fake/beta-openapi.json");
        one = new FakeUpstream(vertx, "/fake/beta-openapi.json");
        two = new FakeUpstream(vertx, "/fake/beta-openapi.json");
        int alphaPort;
        int betaPort;
        int gammaPort;
        int closedPort;
        Map<String, String> config = new HashMap<>();
        try {
            alphaPort = alpha.start();
            betaPort = beta.start();
            gammaPort = gamma.start();
            config.put("fake.one.port", Integer.toString(one.start()));
            config.put("fake.two.port", Integer.toString(two.start()));
            alpha.controls(one);
            alpha.controls(two);
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the fake upstreams", e);
        }
        String a = "http://localhost:" + alphaPort;
        String b = "http://localhost:" + betaPort;
        config.put("fake.alpha.port", Integer.toString(alphaPort));
        config.put("fake.beta.port", Integer.toString(betaPort));
        config.put("fake.gamma.port", Integer.toString(gammaPort));

        route(config, "alpha", a, "/api/v1/things,/api/v1/audit-entries");
        config.put("gateway.routes.alpha.public-path-prefixes", "/api/v1/things/public");
        config.put("gateway.routes.alpha.max-request-body-size", "1M");

        route(config, "beta", b, "/api/v1/widgets");

        route(config, "down", "http://localhost:" + closedPort, "/api/v1/down");
        config.put("gateway.routes.down.circuit-breaker.enabled", "false");

        route(config, "slow", a, "/api/v1/slow");
        config.put("gateway.routes.slow.timeout", "500ms");
        config.put("gateway.routes.slow.circuit-breaker.enabled", "false");

        route(config, "fragile", b, "/api/v1/fragile");
        config.put("gateway.routes.fragile.circuit-breaker.request-volume-threshold", "4");
        config.put("gateway.routes.fragile.circuit-breaker.failure-ratio", "0.5");
        config.put("gateway.routes.fragile.circuit-breaker.delay", "1500ms");
        config.put("gateway.routes.fragile.circuit-breaker.success-threshold", "1");
        config.put("gateway.routes.fragile.circuit-breaker.recovery-probe-interval", "0"); // closed by its delay

        route(config, "brittle", b, "/api/v1/brittle");
        config.put("gateway.routes.brittle.circuit-breaker.request-volume-threshold", "4");
        config.put("gateway.routes.brittle.circuit-breaker.failure-ratio", "0.5");
        config.put("gateway.routes.brittle.circuit-breaker.delay", "1500ms");
        config.put("gateway.routes.brittle.circuit-breaker.success-threshold", "1");

        route(config, "recovering", "http://localhost:" + gammaPort, "/api/v1/recovering");
        config.put("gateway.routes.recovering.circuit-breaker.request-volume-threshold", "4");
        config.put("gateway.routes.recovering.circuit-breaker.failure-ratio", "0.5");
        config.put("gateway.routes.recovering.circuit-breaker.delay", "60s");
        config.put("gateway.routes.recovering.circuit-breaker.success-threshold", "1");
        config.put("gateway.routes.recovering.circuit-breaker.recovery-probe-interval", "100ms");
        // the same, for the quick restart (readiness back before the first probe) of UpstreamFailureTest
        route(config, "restarting", "http://localhost:" + gammaPort, "/api/v1/restarting");
        config.put("gateway.routes.restarting.circuit-breaker.request-volume-threshold", "4");
        config.put("gateway.routes.restarting.circuit-breaker.failure-ratio", "0.5");
        config.put("gateway.routes.restarting.circuit-breaker.delay", "60s");
        config.put("gateway.routes.restarting.circuit-breaker.success-threshold", "1");
        config.put("gateway.routes.restarting.circuit-breaker.recovery-probe-interval", "100ms");

        // two instances of one service (InstanceBalancingTest stops and starts "two" through alpha)
        route(config, "pair", "http://localhost:" + config.get("fake.one.port") + ",http://localhost:"
                + config.get("fake.two.port") + "/", "/api/v1/pair");
        config.put("gateway.routes.pair.instance-probe-interval", "100ms");
        config.put("gateway.routes.pair.circuit-breaker.enabled", "false");

        route(config, "limited", a, "/api/v1/limited");
        config.put("gateway.routes.limited.public-path-prefixes", "/api/v1/limited/public");
        config.put("gateway.routes.limited.rate-limit.requests", "3");
        config.put("gateway.routes.limited.rate-limit.period", "1m");

        route(config, "burst", a, "/api/v1/burst");
        config.put("gateway.routes.burst.pool.max-size", "4");
        config.put("gateway.routes.burst.pool.max-wait-queue-size", "4");
        config.put("gateway.routes.burst.pool.wait-timeout", "2s");
        config.put("gateway.routes.burst.timeout", "3s");
        config.put("gateway.routes.burst.circuit-breaker.enabled", "false");

        config.put("gateway.openapi.cache-ttl", "0s");
        config.put("gateway.openapi.fetch-timeout", "1s");
        return config;
    }

    private static void route(Map<String, String> config, String name, String upstream, String prefixes) {
        config.put("gateway.routes." + name + ".path-prefixes", prefixes);
        config.put("gateway.routes." + name + ".upstream", upstream);
    }

    @Override
    public void stop() {
        try {
            alpha.stop();
            beta.stop();
            gamma.stop();
            one.stop();
            two.stop();
        } catch (Exception e) {
            // the JVM ends anyway
        }
        vertx.close();
    }
}
