package id.kotacerdas.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import id.kotacerdas.gateway.config.GatewayConfig;
import id.kotacerdas.platform.web.BearerTokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Bearer tokens that Quarkus OIDC has already verified (signature, issuer, audience, lifetime), by their exact text,
 * with the caller they name. A caller sends the same token with every request for its whole lifetime; checking the
 * RS256 signature and parsing the claims again each time was most of what the gateway spent per request.
 * <p>
 * Safe because the key is the whole token: a changed byte is another key and is verified in full. An entry never
 * outlives the token's {@code exp} (nor {@code gateway.token-cache.max-age}); the cache is bounded
 * ({@code gateway.token-cache.max-size}, least recently used go first; 0 turns it off). Tokens that fail are never
 * remembered.
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Verified(String subject, long expiresAtMillis) {
    }

    @Inject
    GatewayConfig config;

    private Cache<BearerTokens.Key, Verified> tokens;

    @PostConstruct
    void init() {
        GatewayConfig.TokenCacheConfig cache = config.tokenCache();
        if (cache.maxSize() <= 0) {
            return;
        }
        long maxAgeNanos = cache.maxAge().toNanos();
        tokens = Caffeine.newBuilder()
                .maximumSize(cache.maxSize())
                .expireAfter(Expiry.<BearerTokens.Key, Verified>writing((token, verified) -> Duration.ofNanos(Math.min(maxAgeNanos,
                        Math.max(0, verified.expiresAtMillis() - System.currentTimeMillis()) * 1_000_000))))
                .build();
    }

    /** The subject of an already verified token that has not expired yet, else {@code null} (verify it). */
    public String subject(String token) {
        if (tokens == null) {
            return null;
        }
        BearerTokens.Key key = BearerTokens.Key.of(token);
        Verified verified = tokens.getIfPresent(key);
        if (verified == null) {
            return null;
        }
        if (verified.expiresAtMillis() <= System.currentTimeMillis()) {
            tokens.invalidate(key);
            return null;
        }
        return verified.subject();
    }

    /** Remembers a token Quarkus OIDC accepted; {@code expiresAtEpochSecond} is its {@code exp} (0: not remembered). */
    public void remember(String token, String subject, long expiresAtEpochSecond) {
        if (tokens == null || subject == null || expiresAtEpochSecond <= 0) {
            return;
        }
        long expiresAtMillis = expiresAtEpochSecond * 1000;
        if (expiresAtMillis > System.currentTimeMillis()) {
            tokens.put(BearerTokens.Key.of(token), new Verified(subject, expiresAtMillis));
        }
    }
}
