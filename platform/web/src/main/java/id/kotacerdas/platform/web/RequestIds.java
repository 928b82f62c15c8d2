package id.kotacerdas.platform.web;

import id.kotacerdas.platform.trace.TraceContext;
import id.kotacerdas.platform.web.tracing.Traces;
import io.opentelemetry.api.trace.Span;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request an {@code X-Request-Id} by the suite's rule ({@link TraceContext}: the caller's is kept
 * when sane, as the gateway sends it); it goes into the logging MDC ({@code requestId}), onto the response, and into
 * the events the request causes. The gateway and every service run this same filter, so a service keeps the gateway's
 * id. Trace context is OpenTelemetry's (its server span reads the caller's {@code traceparent}, its client and Kafka
 * instrumentation send it on, and it puts {@code traceId}/{@code spanId} into the MDC); this filter only shows the
 * server span's context on the response as {@code traceparent} when the request is traced, so a caller can find its
 * trace in the trace backend. HSTS is sent only on https (directly or behind a TLS-terminating proxy that says so).
 */
@ApplicationScoped
public class RequestIds {

    public static final String REQUEST_ID = TraceContext.REQUEST_ID;
    public static final String TRACEPARENT = TraceContext.TRACEPARENT;
    public static final String MDC_REQUEST_ID = "requestId";

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            HttpServerRequest request = ctx.request();
            String requestId = TraceContext.requestIdOrNew(request.getHeader(REQUEST_ID));
            request.headers().set(REQUEST_ID, requestId);
            MDC.put(MDC_REQUEST_ID, requestId);
            ctx.response().putHeader(REQUEST_ID, requestId);
            Span span = Span.current();
            String traceparent = Traces.traceparent(span.getSpanContext());
            if (traceparent != null) {
                // a request id from a log line finds its trace in the trace backend (a tag query)
                span.setAttribute(Traces.REQUEST_ID, requestId);
                ctx.response().putHeader(TRACEPARENT, traceparent);
            }
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

    /**
     * The W3C trace context of the current span (the request's server span, an inbox consumer's processing span),
     * or {@code null} when nothing is traced (tracing off, or not sampled and not recorded).
     */
    public static String currentTraceparent() {
        return Traces.currentTraceparent();
    }
}
