package id.kotacerdas.gateway.proxy;

import id.kotacerdas.platform.web.Problems;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyResponse;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * The answer to a failed call ({@link Exchange}): the service's own {@code 5xx} passed on, else the gateway's problem
 * (502 unreachable, 503 breaker open or pool busy, 504 time-out, 413 body too large), counted in the metrics and logged.
 */
final class ExchangeFailures {

    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);

    private ExchangeFailures() {
    }

    static ProxyResponse answer(Exchange x, ProxyContext proxy, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        Route route = x.route;
        if (cause instanceof ProxyFailure.UpstreamUnavailable unavailable) {
            x.metrics.upstreamError(route, "5xx");
            return unavailable.response();
        }
        x.cancelTimer();
        if (x.clientGone || cause instanceof ProxyFailure.ClientGone) {
            x.resetUpstream();
            return problem(x, proxy, 502, "bad-gateway", "Bad gateway", "The client went away."); // nobody reads it
        }
        String service = route.name();
        ProxyResponse answer;
        if (cause instanceof CircuitBreakerOpenException) {
            x.metrics.upstreamError(route, "breaker-open");
            long delay = Math.max(1, route.config().circuitBreaker().delay().toSeconds());
            x.out.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(delay));
            answer = problem(x, proxy, 503, "service-unavailable", "Service unavailable",
                    "Service " + service + " is failing; the gateway stopped calling it for a while.");
        } else if (cause instanceof ProxyFailure.PoolBusy || cause instanceof ProxyFailure.NoConnection) {
            x.metrics.upstreamError(route, "busy");
            x.out.putHeader(HttpHeaders.RETRY_AFTER, "1");
            answer = problem(x, proxy, 503, "service-unavailable", "Service unavailable",
                    "Service " + service + " is busy: no connection to it was free in time.");
        } else if (cause instanceof ProxyFailure.TimedOut || cause instanceof ProxyFailure.ConnectTimedOut) {
            x.metrics.upstreamError(route, "timeout");
            answer = problem(x, proxy, 504, "gateway-timeout", "Gateway timeout", cause instanceof ProxyFailure.TimedOut
                    ? "Service " + service + " did not answer within " + route.config().timeout().toMillis() + " ms."
                    : "Service " + service + " did not accept a connection in time.");
        } else if (cause instanceof ProxyFailure.TooLarge) {
            answer = problem(x, proxy, 413, "payload-too-large", "Payload too large",
                    "The request body exceeds " + route.maxRequestBodySize() + " bytes.");
        } else {
            x.metrics.upstreamError(route, "unreachable");
            answer = problem(x, proxy, 502, "bad-gateway", "Bad gateway", "Service " + service + " could not be reached.");
        }
        if (cause instanceof ProxyFailure.PoolBusy || cause instanceof ProxyFailure.NoConnection
                || cause instanceof CircuitBreakerOpenException) {
            // shedding under load: one line per refused request would add to the load
            LOG.debugf("%s %s -> %s: %s", x.in.method(), x.path, service, cause.getMessage());
        } else {
            LOG.infof("%s %s -> %s: %s", x.in.method(), x.path, service, cause.getMessage());
        }
        return answer;
    }

    /**
     * The gateway's own problem+json answer. The proxy gets a stand-in response, and the outermost interceptor writes
     * the problem ({@link Problems#send}: also closes a connection whose body was not read).
     */
    private static ProxyResponse problem(Exchange x, ProxyContext proxy, int status, String slug, String title,
            String detail) {
        proxy.set(ProxyHandler.GATEWAY_ANSWER, Problems.of(x.in, status, slug, title, detail, List.of()));
        return proxy.request().response().setStatusCode(status);
    }
}
