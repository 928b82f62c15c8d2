package id.kotacerdas.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.kotacerdas.gateway.config.GatewayConfig;
import id.kotacerdas.gateway.config.GatewayConfig.RateLimitConfig;
import id.kotacerdas.gateway.proxy.Route;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-caller token buckets (Bucket4j), one per route and caller, held in a bounded Caffeine cache. A bucket left
 * alone longer than it takes to refill completely is dropped: a new one would be just as full. With
 * {@code gateway.rate-limit.instances} = N gateways taking the same callers, each counts its share of every limit
 * ({@link RateShare}), so that all of them together allow no more than the configured limit.
 */
@ApplicationScoped
public class RateLimiter {

    /** Callers tracked at once; past that the least recently seen lose their bucket (and start full again). */
    static final int MAX_CALLERS = 200_000;

    @Inject
    GatewayConfig config;

    private Cache<String, Bucket> buckets;
    private final Map<String, RateShare> shares = new HashMap<>();

    @PostConstruct
    void init() {
        int instances = config.rateLimit().instances();
        Duration longestRefill = Duration.ofMinutes(1);
        for (Map.Entry<String, GatewayConfig.RouteConfig> route : config.routes().entrySet()) {
            RateLimitConfig limit = route.getValue().rateLimit();
            if (limit.requests().isPresent()) {
                RateShare share = new RateShare(route.getKey(), limit, instances);
                shares.put(route.getKey(), share);
                if (share.refill().compareTo(longestRefill) > 0) {
                    longestRefill = share.refill();
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
     * {@code Retry-After}. With several gateway instances, the bucket is this instance's share ({@link RateShare}).
     */
    public record Decision(boolean allowed, String policy, String remaining, long retryAfterSeconds) {

        /** A route without a limit: nothing to tell. */
        public static final Decision UNLIMITED = new Decision(true, null, null, 0);

        public boolean limited() {
            return policy != null;
        }
    }

    /** Takes one request from the caller's bucket on this route, and says what is left. */
    public Decision decide(Route route, String caller) {
        RateShare share = shares.get(route.name());
        if (share == null) {
            return Decision.UNLIMITED;
        }
        Bucket bucket = buckets.get(route.name() + '\n' + caller, key -> share.newBucket(TimeMeter.SYSTEM_NANOTIME));
        return share.take(bucket);
    }
}
