package id.kotacerdas.platform.web.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** W3C {@code traceparent} strings for what the suite stores or shows (outbox rows, response headers). */
public final class Traces {

    /** Span attribute: the Kemendagri code of the region an event is about. */
    public static final String REGION_CODE = "kotacerdas.region_code";
    /** Span attribute: the request id ({@code X-Request-Id}) of the request that caused the work. */
    public static final String REQUEST_ID = "kotacerdas.request_id";

    // a province (32) or a kabupaten/kota (32.04): the key of the events about one region
    private static final Pattern REGION = Pattern.compile("\\d{2}(\\.\\d{2})?");

    private static final TextMapGetter<String> SINGLE = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
            return "traceparent".equals(key) ? carrier : null;
        }
    };

    private Traces() {
    }

    /** The current span's context as {@code traceparent}, or {@code null} if there is no valid one (tracing off). */
    public static String currentTraceparent() {
        return traceparent(Span.current().getSpanContext());
    }

    /** {@code 00-<trace id>-<span id>-<flags>}, or {@code null} for an invalid context. */
    public static String traceparent(SpanContext context) {
        if (context == null || !context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /**
     * The remote parent a stored {@code traceparent} names, as an OpenTelemetry context (the root context when the
     * value is {@code null} or not a valid trace context).
     */
    public static Context parentOf(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, SINGLE);
    }

    /** The subject of an event if it is a region code (province or kabupaten/kota), else empty. */
    public static Optional<String> regionCode(String subject) {
        return subject != null && REGION.matcher(subject).matches() ? Optional.of(subject) : Optional.empty();
    }
}
