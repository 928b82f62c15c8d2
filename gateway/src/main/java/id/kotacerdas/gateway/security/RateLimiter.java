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
     * Takes one token of the caller's bucket on this route.
     *
     * @return 0 when the request may go on, else the whole seconds until a token is back (for {@code Retry-After})
     */
    public long acquire(Route route, String caller) {
        RateLimitConfig limit = route.config().rateLimit();
        if (limit.requests().isEmpty()) {
            return 0;
        }
        Bucket bucket = buckets.get(route.name() + '\n' + caller, key -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(burst(limit))
                        .refillGreedy(limit.requests().getAsInt(), limit.period())
                        .build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, (probe.getNanosToWaitForRefill() + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    private static long burst(RateLimitConfig limit) {
        return limit.burst().orElse(limit.requests().orElse(1));
    }
}
