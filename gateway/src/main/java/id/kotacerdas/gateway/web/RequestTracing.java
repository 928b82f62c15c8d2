package id.kotacerdas.gateway.web;

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
 * Gives every request an {@code X-Request-Id} (kept when the caller sent a sane one) and a W3C {@code traceparent}
 * (kept when valid, else new), the same rules as {@code id.kotacerdas.platform.web.RequestIds} in the services. Both
 * replace the caller's headers, so they are forwarded to the service, and both are returned to the caller. HSTS is
 * sent only on https (directly or behind a TLS-terminating proxy that says so).
 */
@ApplicationScoped
public class RequestTracing {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";

    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    // version 00; trace id and parent id must not be all zeros (W3C Trace Context, section 3.2.2)
    private static final Pattern TRACEPARENT_FORMAT = Pattern.compile(
            "00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
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
            MDC.put("requestId", requestId);
            MDC.put("traceparent", traceparent);
            ctx.response().putHeader(REQUEST_ID, requestId).putHeader(TRACEPARENT, traceparent);
            if ("https".equals(request.scheme())) {
                ctx.response().putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
            ctx.next();
        }, 1000);
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
