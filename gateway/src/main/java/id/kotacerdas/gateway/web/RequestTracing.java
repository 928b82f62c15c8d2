package id.kotacerdas.gateway.web;

import id.kotacerdas.platform.trace.TraceContext;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Gives every request an {@code X-Request-Id} and a W3C {@code traceparent} by the suite's rules
 * ({@link TraceContext}, which the services apply too). Both replace the caller's headers, so they are
 * forwarded to the service, and both are returned to the caller. HSTS is sent only on https (directly or
 * behind a TLS-terminating proxy that says so).
 */
@ApplicationScoped
public class RequestTracing {

    public static final String REQUEST_ID = TraceContext.REQUEST_ID;
    public static final String TRACEPARENT = TraceContext.TRACEPARENT;

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            HttpServerRequest request = ctx.request();
            String requestId = TraceContext.requestIdOrNew(request.getHeader(REQUEST_ID));
            String traceparent = TraceContext.traceparentOrNew(request.getHeader(TRACEPARENT));
            request.headers().set(REQUEST_ID, requestId).set(TRACEPARENT, traceparent);
            MDC.put("requestId", requestId);
            MDC.put("traceparent", traceparent);
            ctx.response().putHeader(REQUEST_ID, requestId).putHeader(TRACEPARENT, traceparent);
            if ("https".equals(request.scheme())) {
                ctx.response().putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
            ctx.next();
        }, 1000);
    }
}
