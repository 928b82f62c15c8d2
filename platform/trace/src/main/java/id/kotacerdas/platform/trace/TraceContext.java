package id.kotacerdas.platform.trace;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * What OpenTelemetry does not do for the suite: the request id. Every request has an {@code X-Request-Id} (kept
 * when the caller sent a sane one, else a new UUID); the gateway and every service apply the same rule, so a request
 * keeps it from the edge to the events it causes ({@code ce_requestid}) and to their consumers' log lines. Trace
 * context (W3C {@code traceparent}: spans, sampling, propagation over HTTP and Kafka) is OpenTelemetry's
 * ({@code quarkus-opentelemetry}, see platform/trace/README.md).
 */
public final class TraceContext {

    public static final String REQUEST_ID = "X-Request-Id";
    /** The W3C trace context header; written and read by OpenTelemetry, named here for the outbox and the tests. */
    public static final String TRACEPARENT = "traceparent";

    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private TraceContext() {
    }

    /** The caller's request id if it is sane (1–128 of {@code A-Za-z0-9._:-}), else a new one. */
    public static String requestIdOrNew(String candidate) {
        return candidate != null && SANE_REQUEST_ID.matcher(candidate).matches() ? candidate : newRequestId();
    }

    /**
     * A new random (version 4) UUID. Request ids correlate, they guard nothing, so they come from the per-thread
     * generator rather than SecureRandom (UUID.randomUUID's generator showed in JFR on every request).
     */
    public static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }
}
