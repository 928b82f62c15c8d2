package id.kotacerdas.gateway.proxy;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.vertx.core.Context;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import org.jboss.logging.Logger;

/**
 * Closes a route's open circuit breaker as soon as its upstream is back, instead of after the breaker's whole delay.
 * <p>
 * While the breaker is open, the upstream's readiness endpoint is asked every {@code recovery-probe-interval}. When
 * it has answered anything but {@code 200} (or nothing) at least once and then answers {@code 200}, the upstream has
 * been down and says it is ready again (typically: its database restarted), and the breaker is reset. A breaker that
 * opened while the upstream kept answering "ready" (requests failing with a healthy readiness, e.g. a bug) is left to
 * its delay and trial calls: readiness says nothing about those failures. All state lives on one Vert.x context.
 */
final class BreakerRecovery {

    private static final Logger LOG = Logger.getLogger(BreakerRecovery.class);

    private final Context context;
    private final String breakerName;
    private final long intervalMs;
    private Route route;
    private long timer = -1;
    private boolean open;
    private boolean seenNotReady;
    private long generation;

    BreakerRecovery(Context context, String breakerName, long intervalMs) {
        this.context = context;
        this.breakerName = breakerName;
        this.intervalMs = intervalMs;
    }

    void attach(Route route) {
        this.route = route;
    }

    /** The breaker's state listener; may be called on any thread. */
    void stateChanged(CircuitBreakerState state) {
        context.runOnContext(v -> {
            if (state == CircuitBreakerState.OPEN) {
                opened();
            } else {
                closedOrTrying();
            }
        });
    }

    private void opened() {
        if (intervalMs <= 0 || route == null || open) {
            return;
        }
        open = true;
        seenNotReady = false;
        generation++;
        schedule(generation);
    }

    private void closedOrTrying() {
        open = false;
        generation++;
        if (timer != -1) {
            context.owner().cancelTimer(timer);
            timer = -1;
        }
    }

    private void schedule(long probeGeneration) {
        timer = context.owner().setTimer(intervalMs, id -> {
            timer = -1;
            if (open && probeGeneration == generation) {
                probe(probeGeneration);
            }
        });
    }

    private void probe(long probeGeneration) {
        long timeout = Math.max(intervalMs * 2, 500);
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(route.host())
                .setPort(route.port())
                .setSsl(route.ssl())
                .setURI(route.basePath() + route.config().healthPath())
                .setConnectTimeout(timeout)
                .setTimeout(timeout);
        route.client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()))
                .otherwise(-1)
                .onComplete(result -> context.runOnContext(v -> answered(probeGeneration, result.result())));
    }

    private void answered(long probeGeneration, Integer status) {
        if (!open || probeGeneration != generation) {
            return;
        }
        if (status != null && status == 200) {
            if (seenNotReady) {
                LOG.infof("Route %s: upstream is ready again; closing circuit breaker %s before its delay", route.name(),
                        breakerName);
                closedOrTrying();
                CircuitBreakerMaintenance.get().reset(breakerName);
                return;
            }
        } else {
            seenNotReady = true;
        }
        schedule(probeGeneration);
    }
}
