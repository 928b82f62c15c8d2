package id.kotacerdas.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.kotacerdas.gateway.config.GatewayConfig;
import id.kotacerdas.gateway.config.GatewayConfig.RateLimitConfig;
import id.kotacerdas.gateway.proxy.Route;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Per-caller token buckets (Bucket4j), one per route and caller, held in a bounded Caffeine cache. A bucket left
 * alone longer than it takes to refill completely is dropped: a new one would be just as full.
 */
@ApplicationScoped
public class RateLimiter {

    /** Callers tracked at once; past that the least recently seen lose their bucket (and start full again). */
    static final int MAX_CALLERS = 200_000;

    @Inject
    GatewayConfig config;

    private Cache<String, Bucket> buckets;

    @PostConstruct
    void init() {
        Duration longestRefill = Duration.ofMinutes(1);
        for (GatewayConfig.RouteConfig route : config.routes().values()) {
            RateLimitConfig limit = route.rateLimit();
            if (limit.requests().isPresent()) {
                Duration refill = limit.period().multipliedBy(burst(limit)).dividedBy(Math.max(1, limit.requests().getAsInt()));
                if (refill.compareTo(longestRefill) > 0) {
                    longestRefill = refill;
                }
            }
        }
        buckets = Caffeine.newBuilder()
                .maximumSize(MAX_CALLERS)
                .expireAfterAccess(longestRefill.plusSeconds(1))
                .build();
    }

    /**
     * What the caller's bucket on a route said: whether the request may go on and, on a limited route, the header
     * fields of draft-ietf-httpapi-ratelimit-headers that tell the caller so: {@code RateLimit-Policy} (the quota
     * {@code q}, the bucket's size, per window {@code w}, the seconds the bucket takes to fill from empty: 600/min
     * with a burst of 100 is {@code q=100;w=10}) and {@code RateLimit} (what is left, {@code r}, and the seconds until
     * the bucket is full again, {@code t}); when refused, the seconds until one request is back, for
     * {@code Retry-After}.
     */
    public record Decision(boolean allowed, String policy, String remaining, long retryAfterSeconds) {

        /** A route without a limit: nothing to tell. */
        public static final Decision UNLIMITED = new Decision(true, null, null, 0);

        public boolean limited() {
            return policy != null;
        }
    }

    /** Takes one token of the caller's bucket on this route, and says what is left. */
    public Decision decide(Route route, String caller) {
        RateLimitConfig limit = route.config().rateLimit();
        if (limit.requests().isEmpty()) {
            return Decision.UNLIMITED;
        }
        long capacity = burst(limit);
        int requests = limit.requests().getAsInt();
        Bucket bucket = buckets.get(route.name() + '\n' + caller, key -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        .refillGreedy(requests, limit.period())
                        .build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        long remaining = probe.isConsumed() ? Math.max(0, probe.getRemainingTokens()) : 0;
        long nanosPerToken = limit.period().toNanos() / Math.max(1, requests);
        String name = "\"" + route.name() + "\"";
        String policy = name + ";q=" + capacity + ";w=" + Math.max(1, seconds(capacity * nanosPerToken));
        String left = name + ";r=" + remaining + ";t=" + seconds((capacity - remaining) * nanosPerToken);
        if (probe.isConsumed()) {
            return new Decision(true, policy, left, 0);
        }
        return new Decision(false, policy, left, Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    /** Whole seconds, rounded up. */
    static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }

    private static long burst(RateLimitConfig limit) {
        return limit.burst().orElse(limit.requests().orElse(1));
    }
}
