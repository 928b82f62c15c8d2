package id.kotacerdas.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The proxy's innermost interceptor: the request to the service, on the instance {@link Instances} chose.
 * <p>
 * A connection that could not be opened never gets here: {@link Instances} has already gone on to another instance.
 * When the connection was open and the request sent, but the service closed or reset it before any answer (it died,
 * was killed, or closed an idle keep-alive connection just as it was reused), the instance is reported
 * ({@link Instances#broken}) and the request is tried once more, on another instance, only if that cannot do anything
 * twice: a bodyless {@code GET}, {@code HEAD} or {@code OPTIONS}. Anything else ({@code POST}, {@code PUT},
 * {@code PATCH}, {@code DELETE}, any request with a body) may have had its effect already and is answered {@code 502}.
 * Once the response head has arrived nothing is retried (the caller is already reading it).
 */
final class Attempts implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);

    private final Exchange x;
    private int retries;

    Attempts(Exchange exchange, int retries) {
        this.x = exchange;
        this.retries = retries;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext proxy) {
        return proxy.sendRequest().transform(answered -> {
            x.cancelTimer();
            if (answered.succeeded()) {
                return Future.succeededFuture(answered.result());
            }
            Throwable error = answered.cause();
            // a refused connection was dealt with by Instances; a slow answer is not a dead instance
            boolean broken = !(error instanceof ProxyFailure) && !(error instanceof TimeoutException) && !x.clientGone
                    && !x.timedOut && !x.tooLarge;
            if (broken) {
                x.route.origins().broken(proxy.get(Instances.CHOSEN, Instance.class), error);
            }
            if (broken && retries > 0) {
                retries--;
                LOG.debugf("Upstream %s broke the connection off before answering %s %s (%s); trying again",
                        x.route.name(), x.in.method(), x.path, error);
                x.upstreamRequest = null;
                return handleProxyRequest(proxy);
            }
            return Future.failedFuture(error);
        });
    }
}
