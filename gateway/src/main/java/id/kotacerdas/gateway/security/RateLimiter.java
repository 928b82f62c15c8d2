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
     * What the caller's bucket on a route said: whether the request may go on, and what the caller is told about it
     * (the {@code RateLimit-*} fields: the bucket's size, the requests left, the seconds until it is full again, and
     * when refused the seconds until one request is back, for {@code Retry-After}). {@link #UNLIMITED} on a route
     * without a limit.
     */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds,
            String policy) {

        public static final Decision UNLIMITED = new Decision(true, 0, 0, 0, 0, null);

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
        long remaining = Math.max(0, probe.getRemainingTokens());
        long nanosPerToken = limit.period().toNanos() / Math.max(1, requests);
        long reset = seconds((capacity - remaining) * nanosPerToken);
        String policy = requests + ";w=" + Math.max(1, limit.period().toSeconds()) + ";burst=" + capacity;
        if (probe.isConsumed()) {
            return new Decision(true, capacity, remaining, reset, 0, policy);
        }
        return new Decision(false, capacity, 0, reset, Math.max(1, seconds(probe.getNanosToWaitForRefill())), policy);
    }

    /** Whole seconds, rounded up. */
    static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }

    private static long burst(RateLimitConfig limit) {
        return limit.burst().orElse(limit.requests().orElse(1));
    }
}
