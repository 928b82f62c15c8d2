package id.kotacerdas.gateway.security;

import id.kotacerdas.gateway.config.GatewayConfig.RateLimitConfig;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One gateway instance's share of a route's rate limit, when {@code gateway.rate-limit.instances} ({@code N}) gateways
 * take the same callers' requests (processes sharing a port, or behind one front) and none knows what the others
 * counted.
 * <p>
 * Each instance keeps its own token bucket per caller holding {@code burst} tokens and refilled with {@code requests}
 * tokens per {@code period}, and a request costs {@code N} tokens. So one instance lets a caller have {@code burst/N}
 * requests at once and {@code requests/N} per period, with no rounding lost on the refill (a fraction left over counts
 * towards the next request); all {@code N} together never more than the configured limit. A burst smaller than
 * {@code N} is raised to {@code N} tokens: each instance still lets one request through at once.
 * <p>
 * The header fields describe the bucket of the instance that answered, in requests: {@code q} its share of the burst,
 * {@code w} the seconds it takes to fill from empty (the same as with one instance), {@code r} the requests it has left
 * for the caller, {@code t} the seconds until it is full. With {@code N = 1} everything is as without sharing.
 */
final class RateShare {

    private final String quotedName;
    private final int instances;
    private final long capacity;
    private final int requests;
    private final Duration period;
    private final long nanosPerToken;

    RateShare(String route, RateLimitConfig limit, int instances) {
        if (instances < 1) {
            throw new IllegalArgumentException("gateway.rate-limit.instances must be at least 1, not " + instances);
        }
        this.quotedName = "\"" + route + "\"";
        this.instances = instances;
        this.requests = Math.max(1, limit.requests().orElse(1));
        this.capacity = Math.max(instances, limit.burst().orElse(requests));
        this.period = limit.period();
        this.nanosPerToken = period.toNanos() / requests;
    }

    /** A full bucket for a caller, on this clock. */
    Bucket newBucket(TimeMeter clock) {
        return Bucket.builder()
                .withCustomTimePrecision(clock)
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(requests, period).build())
                .build();
    }

    /** How long a bucket left alone takes to be full again (it may be forgotten after that). */
    Duration refill() {
        return Duration.ofNanos(capacity * nanosPerToken);
    }

    /** Takes one request from the caller's bucket and says what is left. */
    RateLimiter.Decision take(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(instances);
        long tokens = Math.max(0, probe.getRemainingTokens());
        long left = probe.isConsumed() ? tokens / instances : 0;
        String policy = quotedName + ";q=" + capacity / instances + ";w=" + Math.max(1, seconds(capacity * nanosPerToken));
        String remaining = quotedName + ";r=" + left + ";t=" + seconds((capacity - tokens) * nanosPerToken);
        if (probe.isConsumed()) {
            return new RateLimiter.Decision(true, policy, remaining, 0);
        }
        return new RateLimiter.Decision(false, policy, remaining, Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    /** Whole seconds, rounded up. */
    static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
