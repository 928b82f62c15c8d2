package id.kotacerdas.platform.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request an {@code X-Request-Id} (kept when the caller sent a sane one) and a W3C
 * {@code traceparent}; both go into the logging MDC, onto the response, and into the headers of the
 * events the request causes.
 */
@ApplicationScoped
public class RequestIds {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    public static final String MDC_REQUEST_ID = "requestId";
    public static final String MDC_TRACEPARENT = "traceparent";

    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            HttpServerRequest request = ctx.request();
            String requestId = request.getHeader(REQUEST_ID);
            if (requestId == null || !SANE_ID.matcher(requestId).matches()) {
                requestId = UUID.randomUUID().toString();
                request.headers().set(REQUEST_ID, requestId);
            }
            String traceparent = request.getHeader(TRACEPARENT);
            if (traceparent == null || !TRACEPARENT_FORMAT.matcher(traceparent).matches()) {
                traceparent = newTraceparent();
                request.headers().set(TRACEPARENT, traceparent);
            }
            MDC.put(MDC_REQUEST_ID, requestId);
            MDC.put(MDC_TRACEPARENT, traceparent);
            ctx.response().putHeader(REQUEST_ID, requestId);
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

    static String newTraceparent() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        HexFormat hex = HexFormat.of();
        return "00-" + hex.formatHex(trace) + "-" + hex.formatHex(span) + "-01";
    }
}
