package id.kotacerdas.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClosedException;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

/**
 * The proxy's innermost interceptor: the request to the service. A request without body of a safe method is tried once
 * more when the pooled connection turned out closed before any answer (a service closing an idle keep-alive connection
 * just as it is reused).
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
            if (retries > 0 && !x.clientGone && !x.timedOut && answered.cause() instanceof HttpClosedException) {
                retries--;
                LOG.debugf("Upstream %s closed a pooled connection before answering %s %s; trying again",
                        x.route.name(), x.in.method(), x.path);
                x.upstreamRequest = null;
                return handleProxyRequest(proxy);
            }
            return Future.failedFuture(answered.cause());
        });
    }
}
