package id.kotacerdas.platform.web;

import id.kotacerdas.platform.trace.TraceContext;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request an {@code X-Request-Id} and a W3C {@code traceparent} by the suite's rules
 * ({@link TraceContext}: the caller's are kept when sane, as the gateway sends them); both go into the
 * logging MDC and onto the response, and both into the headers of the events the request causes. The gateway
 * and every service run this same filter: the gateway's values replace the caller's (when not sane) and are
 * forwarded, so a service keeps them. HSTS is sent only on https (directly or behind a TLS-terminating proxy that
 * says so).
 */
@ApplicationScoped
public class RequestIds {

    public static final String REQUEST_ID = TraceContext.REQUEST_ID;
    public static final String TRACEPARENT = TraceContext.TRACEPARENT;
    public static final String MDC_REQUEST_ID = "requestId";
    public static final String MDC_TRACEPARENT = "traceparent";

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            HttpServerRequest request = ctx.request();
            String requestId = TraceContext.requestIdOrNew(request.getHeader(REQUEST_ID));
            String traceparent = TraceContext.traceparentOrNew(request.getHeader(TRACEPARENT));
            request.headers().set(REQUEST_ID, requestId).set(TRACEPARENT, traceparent);
            MDC.put(MDC_REQUEST_ID, requestId);
            MDC.put(MDC_TRACEPARENT, traceparent);
            ctx.response().putHeader(REQUEST_ID, requestId).putHeader(TRACEPARENT, traceparent);
            if ("https".equals(request.scheme())) {
                ctx.response().putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
            ctx.next();
        }, 1000);
    }

    /** The id of the request being served, or {@code null} outside a request. */
    public static String currentRequestId() {
        Object value = MDC.get(MDC_REQUEST_ID);
        return value == null ? null : value.toString();
    }

    /** The W3C trace context of the request being served, or {@code null} outside a request. */
    public static String currentTraceparent() {
        Object value = MDC.get(MDC_TRACEPARENT);
        return value == null ? null : value.toString();
    }
}
