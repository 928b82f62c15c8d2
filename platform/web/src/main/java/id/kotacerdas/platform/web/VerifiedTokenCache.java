package id.kotacerdas.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;

/**
 * Bearer tokens already verified (signature, issuer, audience, lifetime), remembered by their exact text with what
 * was made of them, so that the same token on the next requests is not verified again: the gateway remembers the
 * caller's subject ({@code VerifiedTokens}), the services the identity OIDC produced ({@code VerifiedTokenIdentities}).
 * <p>
 * Safe because the key is the whole token ({@link BearerTokens.Key}): a changed byte is another key and is verified
 * in full. An entry never outlives the token's {@code exp} nor {@code maxAge}; the cache is bounded (Caffeine, the
 * least used go first); a size of 0 turns it off. Only verified tokens may be put: failures are never remembered.
 */
public final class VerifiedTokenCache<V> {

    private record Entry<V>(V value, long expiresAtMillis) {
    }

    private final Cache<BearerTokens.Key, Entry<V>> entries;
    private final long maxAgeMillis;

    public VerifiedTokenCache(long maxSize, Duration maxAge) {
        this.maxAgeMillis = maxAge.toMillis();
        this.entries = maxSize <= 0 ? null : Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(Expiry.<BearerTokens.Key, Entry<V>>writing((key, entry) -> Duration.ofMillis(
                        Math.max(0, entry.expiresAtMillis() - System.currentTimeMillis()))))
                .build();
    }

    /** Whether tokens are remembered at all. */
    public boolean enabled() {
        return entries != null;
    }

    /** What was remembered for this exact token, while it has not expired; else {@code null} (verify it). */
    public V get(String token) {
        if (entries == null || token == null) {
            return null;
        }
        BearerTokens.Key key = BearerTokens.Key.of(token);
        Entry<V> entry = entries.getIfPresent(key);
        if (entry == null) {
            return null;
        }
        if (entry.expiresAtMillis() <= System.currentTimeMillis()) {
            entries.invalidate(key);
            return null;
        }
        return entry.value();
    }

    /**
     * Remembers a token just verified, until {@code expiresAtMillis} (its {@code exp}) or {@code maxAge} from now,
     * whichever comes first; nothing when it has expired already.
     */
    public void put(String token, V value, long expiresAtMillis) {
        if (entries == null || token == null || value == null) {
            return;
        }
        long now = System.currentTimeMillis();
        long until = Math.min(expiresAtMillis, now + maxAgeMillis);
        if (until > now) {
            entries.put(BearerTokens.Key.of(token), new Entry<>(value, until));
        }
    }
}
