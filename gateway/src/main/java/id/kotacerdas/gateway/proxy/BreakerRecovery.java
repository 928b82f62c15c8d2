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
 * the upstream has been down and answers {@code 200} again (typically: its database restarted), the breaker is reset
 * and "ready again" is logged. "Has been down" is known from the readiness itself (it answered anything but
 * {@code 200}, or nothing, since the breaker opened) or from the failures that opened it: refused or broken
 * connections, connect time-outs, {@code 502}/{@code 503}/{@code 504} answers ({@link #failed}). The second matters
 * when the upstream is back before the first probe: issue 27 saw a breaker stay open for its whole delay after such a
 * quick restart. What is known stays known while the breaker goes open, half-open (a trial call failed) and open
 * again, until it closes. A breaker opened only by failures readiness says nothing about ({@code 500}s, slow answers,
 * with a healthy readiness: a bug) is left to its delay and trial calls. All state lives on one Vert.x context, except
 * {@link #downSeenAt}.
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
    /** When a failure last said the upstream is down ({@link System#nanoTime()}); written on any thread. */
    private volatile long downSeenAt = System.nanoTime() - EVIDENCE_NANOS - 1;
    /** How long such a failure counts as "the upstream has been down" for a breaker that opens after it. */
    private static final long EVIDENCE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    BreakerRecovery(Context context, String breakerName, long intervalMs) {
        this.context = context;
        this.breakerName = breakerName;
        this.intervalMs = intervalMs;
    }

    void attach(Route route) {
        this.route = route;
    }

    /** A failure the breaker counted; may be called on any thread. Notes whether it says the upstream is down. */
    void failed(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        boolean down = cause instanceof ProxyFailure.Unreachable || cause instanceof ProxyFailure.ConnectTimedOut
                || cause instanceof ProxyFailure.UpstreamUnavailable unavailable
                        && unavailable.status() >= 502 && unavailable.status() <= 504;
        if (down) {
            downSeenAt = System.nanoTime();
        }
    }

    /** The breaker's state listener; may be called on any thread. */
    void stateChanged(CircuitBreakerState state) {
        context.runOnContext(v -> {
            if (state == CircuitBreakerState.OPEN) {
                opened();
            } else {
                if (state == CircuitBreakerState.CLOSED) {
                    seenNotReady = false; // a new episode starts
                }
                closedOrTrying();
            }
        });
    }

    private void opened() {
        if (intervalMs <= 0 || route == null || open) {
            return;
        }
        open = true;
        // kept from an earlier opening of this episode (half-open, trial failed), or told by the failures
        seenNotReady = seenNotReady || System.nanoTime() - downSeenAt <= EVIDENCE_NANOS;
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
        Instance instance = route.pick(); // any instance back is the service back
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(instance.host())
                .setPort(instance.port())
                .setSsl(instance.ssl())
                .setURI(instance.basePath() + route.config().healthPath())
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
                seenNotReady = false;
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
