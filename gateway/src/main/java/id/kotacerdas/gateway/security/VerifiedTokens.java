package id.kotacerdas.gateway.security;

import id.kotacerdas.gateway.config.GatewayConfig;
import id.kotacerdas.platform.web.VerifiedTokenCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Bearer tokens that Quarkus OIDC has already verified (signature, issuer, audience, lifetime), by their exact text,
 * with the caller they name. A caller sends the same token with every request for its whole lifetime; checking the
 * RS256 signature and parsing the claims again each time was most of what the gateway spent per request.
 * <p>
 * How long and how many: {@link VerifiedTokenCache} ({@code gateway.token-cache.max-age}, {@code max-size}; 0 turns it
 * off). Tokens that fail are never remembered.
 */
@ApplicationScoped
public class VerifiedTokens {

    @Inject
    GatewayConfig config;

    private VerifiedTokenCache<String> tokens;

    @PostConstruct
    void init() {
        GatewayConfig.TokenCacheConfig cache = config.tokenCache();
        tokens = new VerifiedTokenCache<>(cache.maxSize(), cache.maxAge());
    }

    /** The subject of an already verified token that has not expired yet, else {@code null} (verify it). */
    public String subject(String token) {
        return tokens.get(token);
    }

    /** Remembers a token Quarkus OIDC accepted; {@code expiresAtEpochSecond} is its {@code exp} (0: not remembered). */
    public void remember(String token, String subject, long expiresAtEpochSecond) {
        if (expiresAtEpochSecond > 0) {
            tokens.put(token, subject, expiresAtEpochSecond * 1000);
        }
    }
}
