package id.kotacerdas.platform.trace;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * How a request is identified across the suite: an {@code X-Request-Id} (kept when the caller sent a
 * sane one, else a new UUID) and a W3C {@code traceparent} (kept when valid, else a new one). The
 * gateway and every service apply the same rules, so a request keeps both from the edge to the
 * events it causes.
 */
public final class TraceContext {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";

    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    // version 00; trace id and parent id must not be all zeros (W3C Trace Context, section 3.2.2)
    private static final Pattern VALID_TRACEPARENT = Pattern.compile(
            "00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

    private TraceContext() {
    }

    /** The caller's request id if it is sane (1–128 of {@code A-Za-z0-9._:-}), else a new one. */
    public static String requestIdOrNew(String candidate) {
        return candidate != null && SANE_REQUEST_ID.matcher(candidate).matches() ? candidate : newRequestId();
    }

    /**
     * A new random (version 4) UUID. Request and trace ids correlate, they guard nothing, so they come from the
     * per-thread generator rather than SecureRandom (UUID.randomUUID's generator showed in JFR on every request).
     */
    public static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    /** The caller's trace context if it is a valid version-00 {@code traceparent}, else a new one. */
    public static String traceparentOrNew(String candidate) {
        return candidate != null && VALID_TRACEPARENT.matcher(candidate).matches() ? candidate : newTraceparent();
    }

    /** A new sampled trace context with random trace and parent ids (neither all zeros). */
    public static String newTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long traceHigh;
        long traceLow;
        do {
            traceHigh = random.nextLong();
            traceLow = random.nextLong();
        } while (traceHigh == 0 && traceLow == 0);
        long span;
        do {
            span = random.nextLong();
        } while (span == 0);
        HexFormat hex = HexFormat.of();
        return "00-" + hex.toHexDigits(traceHigh) + hex.toHexDigits(traceLow) + "-" + hex.toHexDigits(span) + "-01";
    }
}
