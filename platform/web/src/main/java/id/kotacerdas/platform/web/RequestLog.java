package id.kotacerdas.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * One log line (category {@code kotacerdas.request}) for every request that changes something or fails: any method
 * but GET, HEAD and OPTIONS, and any answer of 400 or above, in the access log's shape ({@code 127.0.0.1 "PUT /path
 * HTTP/1.1" 200 512 3ms req=<X-Request-Id>}). Successful reads are not logged one by one: they are counted and timed
 * by the HTTP metrics ({@code /q/metrics}), and writing a line for each cost ~25 % of the CPU of a region lookup
 * (bench/README.md). Quarkus's full access log ({@code quarkus.http.access-log.enabled}) is still there to turn on.
 * {@code kotacerdas.http.request-log.enabled=false} turns this one off.
 */
@ApplicationScoped
public class RequestLog {

    private static final Logger LOG = Logger.getLogger("kotacerdas.request");

    @ConfigProperty(name = "kotacerdas.http.request-log.enabled", defaultValue = "true")
    boolean enabled;

    /** Whether a request is logged: it is not a safe method, or it was answered with an error. */
    public static boolean logs(HttpMethod method, int status) {
        return status >= 400 || !(method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS);
    }

    void register(@Observes Filters filters) {
        if (!enabled) {
            return;
        }
        // after RequestIds (1000), so the request id is set; before the HTTP-layer checks (990), whose 4xx count too
        filters.register(ctx -> {
            long start = System.nanoTime();
            ctx.addEndHandler(done -> {
                HttpServerRequest request = ctx.request();
                int status = ctx.response().getStatusCode();
                if (logs(request.method(), status)) {
                    SocketAddress remote = request.remoteAddress();
                    LOG.infof("%s \"%s %s %s\" %d %d %dms req=%s", remote == null ? "-" : remote.hostAddress(),
                            request.method(), request.uri(), version(request), status, ctx.response().bytesWritten(),
                            (System.nanoTime() - start) / 1_000_000, request.getHeader(RequestIds.REQUEST_ID));
                }
            });
            ctx.next();
        }, 995);
    }

    private static String version(HttpServerRequest request) {
        return switch (request.version()) {
            case HTTP_1_0 -> "HTTP/1.0";
            case HTTP_1_1 -> "HTTP/1.1";
            case HTTP_2 -> "HTTP/2";
        };
    }
}
